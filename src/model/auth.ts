import type { Json, JsonObject, JsonPath } from './json';

/**
 * The normalized auth model: what every dialect (SAM's `Auth`, the RFC spelling,
 * `AWS::Serverless::ApiAuthorizer`, Globals, per-event overrides, the implicit API) becomes.
 * After normalize, no code asks which spelling was used. Emit and validate read only this.
 *
 * Values that CloudFormation may give as intrinsics (`{ "Fn::GetAtt": … }`) stay `Json`.
 * "Absent" and "given" are kept apart (optional fields), because SAM's output differs on them.
 * Every part keeps the template path it came from, for diagnostics.
 */

/** Identity sources of a Lambda authorizer, in the order API Gateway's identitySource lists them. */
export interface LambdaIdentity {
  /** TOKEN: the one header (SAM `Identity.Header`, RFC `RequestHeader`). */
  header?: Json;
  /** REQUEST: `method.request.header.X` for each. */
  headers?: Json[];
  /** REQUEST: `method.request.querystring.X` for each. */
  queryStrings?: Json[];
  /** REQUEST: `stageVariables.X` for each. */
  stageVariables?: Json[];
  /** REQUEST: `context.X` for each. */
  context?: Json[];
  /** `identityValidationExpression`; API Gateway uses it for TOKEN only. */
  validationExpression?: Json;
  /** `authorizerResultTtlInSeconds`, 0–3600; API Gateway's default is 300. */
  reauthorizeEvery?: Json;
}

interface AuthorizerBase {
  /** The key under `Authorizers` (or the ApiAuthorizer's logical id): the securityDefinitions name. */
  name: string;
  /** Where the authorizer is defined in the template. */
  path: JsonPath;
  /** Default OAuth scopes for methods that use this authorizer (Cognito only in API Gateway). */
  authorizationScopes?: Json;
  /** SAM `DisableFunctionDefaultPermissions`: no AuthorizerPermission resource. */
  disableFunctionDefaultPermissions?: Json;
  /** Which dialect wrote it; for messages only, never for behaviour. */
  dialect: 'sam' | 'rfc';
}

export interface CognitoAuthorizer extends AuthorizerBase {
  kind: 'cognito';
  /** A single ARN, a list of ARNs, or an intrinsic. */
  userPoolArn: Json;
  /** `Identity.Header` (default `Authorization`). */
  header?: Json;
  validationExpression?: Json;
}

export interface LambdaAuthorizer extends AuthorizerBase {
  kind: 'lambda-token' | 'lambda-request';
  /** The authorizer function's ARN (string or intrinsic). Absent when `authorizerUri` is given. */
  functionArn?: Json;
  /** A full `authorizerUri` for a custom authorizer outside this template (Chalice). */
  authorizerUri?: Json;
  /** `FunctionInvokeRole`: role ARN API Gateway assumes to call the authorizer. */
  invokeRole?: Json;
  identity: LambdaIdentity;
  /** True when the template wrote an `Identity` block at all (SAM's output differs). */
  identityGiven: boolean;
}

export type Authorizer = CognitoAuthorizer | LambdaAuthorizer;
export type AuthorizerKind = Authorizer['kind'];

/** The names an event's or a default's `Authorizer` can hold besides a defined authorizer. */
export const AWS_IAM = 'AWS_IAM';
export const NONE = 'NONE';

/** `Auth` on an API after Globals are applied. */
export interface ApiAuth {
  path: JsonPath;
  /** In template order. */
  authorizers: Authorizer[];
  /** A defined authorizer's name, `AWS_IAM`, or an intrinsic (an error later). */
  defaultAuthorizer?: Json;
  /** `InvokeRole` for AWS_IAM methods: `CALLER_CREDENTIALS`, `NONE`, or a role ARN. */
  invokeRole?: Json;
  addDefaultAuthorizerToCorsPreflight?: Json;
  addApiKeyRequiredToCorsPreflight?: Json;
  apiKeyRequired?: Json;
  resourcePolicy?: JsonObject;
  usagePlan?: JsonObject;
  /** The whole Auth block as written (after Globals), for properties the model does not lift. */
  raw: JsonObject;
}

/** `Auth` on a `Type: Api` event. */
export interface EventAuth {
  path: JsonPath;
  authorizer?: Json;
  authorizationScopes?: Json;
  apiKeyRequired?: Json;
  invokeRole?: Json;
  resourcePolicy?: JsonObject;
  overrideApiAuth?: Json;
  raw: JsonObject;
}

/** One `Type: Api` event of a function or state machine, attached to an API. */
export interface Route {
  /** Logical id of the AWS::Serverless::Function or AWS::Serverless::StateMachine. */
  owner: string;
  ownerType: 'AWS::Serverless::Function' | 'AWS::Serverless::StateMachine';
  /** The event's name under `Events`. */
  eventName: string;
  /** Path to the event in the template: ['Resources', owner, 'Properties', 'Events', eventName]. */
  path: JsonPath;
  /** `Path` as written (a string, or an intrinsic SAM may reject). */
  routePath: Json;
  /** `Method` as written. */
  method: Json;
  auth?: EventAuth;
  /** The event's `Properties` as written. */
  properties: JsonObject;
}

/** A REST API that the macro may lower. */
export interface RestApi {
  logicalId: string;
  /** True for the implicit `ServerlessRestApi` built from events without `RestApiId`. */
  implicit: boolean;
  /** Path to the resource (for the implicit API: to the first event that creates it). */
  path: JsonPath;
  /** Properties after Globals.Api is merged in, as SAM merges them. */
  properties: JsonObject;
  /** The resource's `Condition`, `DependsOn`, `Metadata`, … as written. */
  attributes: JsonObject;
  auth?: ApiAuth;
  /** Events attached to this API, in template order (resources in order, then events in order). */
  routes: Route[];
  /**
   * Functions' `Type: HttpApi` events whose `ApiId` names this REST API, in template order (absent when none).
   * SAM writes their integrations into the API's OpenAPI 3 definition; lowering the API, we must too.
   */
  httpApiRoutes?: Route[];
  /** True when the API, Globals or any of its events carries auth: it will be lowered. */
  hasAuth: boolean;
  /**
   * True when SAM builds the definition itself (SAM's `__MANAGE_SWAGGER`: no DefinitionBody/DefinitionUri of
   * the user's; `properties.DefinitionBody` then holds SAM's skeleton). Only then do events add their paths.
   */
  managedDefinition?: boolean;
}

/** `AWS::Serverless::ApiAuthorizer` resources (RFC), by logical id; consumed by the macro. */
export interface SharedAuthorizer {
  logicalId: string;
  authorizer: Authorizer;
}

/** Everything the later phases need to know about auth in one template. */
export interface AuthModel {
  apis: RestApi[];
  sharedAuthorizers: SharedAuthorizer[];
}
