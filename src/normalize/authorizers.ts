import type { ApiAuth, Authorizer, CognitoAuthorizer, EventAuth, LambdaAuthorizer, LambdaIdentity } from '../model/auth';
import type { Json, JsonObject, JsonPath } from '../model/json';
import { isObject } from '../model/json';

/** The fields of a model type that can hold a `V`. */
type FieldFor<T, V> = { [K in keyof T]-?: V extends T[K] ? K : never }[keyof T];

/** SAM's property name → the model field it is kept in. */
type Lifted<T, V = Json> = readonly (readonly [property: string, field: FieldFor<T, V>])[];

/**
 * Copies each property `block` gives (not undefined) into its model field, in the table's order: as written,
 * or as `read` makes it.
 */
function lift<T extends object>(target: T, block: JsonObject, fields: Lifted<T>): T;
function lift<T extends object, V>(target: T, block: JsonObject, fields: Lifted<T, V>, read: (value: Json) => V): T;
function lift<T extends object>(target: T, block: JsonObject, fields: Lifted<T, unknown>, read = (value: Json): unknown => value): T {
  for (const [property, field] of fields) {
    const value = block[property];
    // FieldFor lets the tables name only fields that take what `read` returns.
    if (value !== undefined) (target as Record<FieldFor<T, unknown>, unknown>)[field] = read(value);
  }
  return target;
}

/** A single value where SAM takes a list is a list of one. */
function stringList(value: Json): Json[] {
  return Array.isArray(value) ? value : [value];
}

const IDENTITY_HEADER: Lifted<LambdaIdentity> = [['Header', 'header']];
const IDENTITY_LISTS: Lifted<LambdaIdentity, Json[]> = [
  ['Headers', 'headers'],
  ['QueryStrings', 'queryStrings'],
  ['StageVariables', 'stageVariables'],
  ['Context', 'context'],
];
const IDENTITY_REST: Lifted<LambdaIdentity> = [
  ['ValidationExpression', 'validationExpression'],
  ['ReauthorizeEvery', 'reauthorizeEvery'],
];

/** SAM's `Identity` block; the three tables keep LambdaIdentity's field order (header, the lists, the rest). */
function lambdaIdentity(identity: Json | undefined): LambdaIdentity {
  if (!isObject(identity)) return {};
  const out: LambdaIdentity = {};
  lift(out, identity, IDENTITY_HEADER);
  lift(out, identity, IDENTITY_LISTS, stringList);
  return lift(out, identity, IDENTITY_REST);
}

const AUTHORIZER_COMMON: Lifted<Authorizer> = [
  ['AuthorizationScopes', 'authorizationScopes'],
  ['DisableFunctionDefaultPermissions', 'disableFunctionDefaultPermissions'],
];
const COGNITO_IDENTITY: Lifted<CognitoAuthorizer> = [
  ['Header', 'header'],
  ['ValidationExpression', 'validationExpression'],
];
const LAMBDA_FUNCTION: Lifted<LambdaAuthorizer> = [
  ['FunctionArn', 'functionArn'],
  ['AuthorizerUri', 'authorizerUri'],
  ['FunctionInvokeRole', 'invokeRole'],
];

/**
 * One SAM authorizer. SAM's rule: a truthy `UserPoolArn` makes a Cognito authorizer; anything else is a
 * Lambda authorizer whose `FunctionPayloadType` (default TOKEN) picks token or request.
 */
export function normalizeAuthorizer(name: string, value: JsonObject, path: JsonPath): Authorizer {
  const common: Pick<Authorizer, 'name' | 'path' | 'dialect' | 'authorizationScopes' | 'disableFunctionDefaultPermissions'> = {
    name,
    path,
    dialect: 'sam',
  };
  const base = lift(common, value, AUTHORIZER_COMMON);
  if (value.UserPoolArn) {
    const cognito: CognitoAuthorizer = { ...base, kind: 'cognito', userPoolArn: value.UserPoolArn };
    return isObject(value.Identity) ? lift(cognito, value.Identity, COGNITO_IDENTITY) : cognito;
  }
  const kind = value.FunctionPayloadType === 'REQUEST' ? 'lambda-request' : 'lambda-token';
  const lambda: LambdaAuthorizer = {
    ...base,
    kind,
    identity: lambdaIdentity(value.Identity),
    identityGiven: value.Identity !== undefined,
  };
  return lift(lambda, value, LAMBDA_FUNCTION);
}

const API_AUTH_FIELDS: Lifted<ApiAuth> = [
  ['DefaultAuthorizer', 'defaultAuthorizer'],
  ['InvokeRole', 'invokeRole'],
  ['AddDefaultAuthorizerToCorsPreflight', 'addDefaultAuthorizerToCorsPreflight'],
  ['AddApiKeyRequiredToCorsPreflight', 'addApiKeyRequiredToCorsPreflight'],
  ['ApiKeyRequired', 'apiKeyRequired'],
];

/** An API's `Auth` (after Globals). Malformed parts are skipped here; the lowering reports them as SAM does. */
export function normalizeApiAuth(auth: JsonObject, path: JsonPath): ApiAuth {
  const authorizers: Authorizer[] = [];
  if (isObject(auth.Authorizers)) {
    for (const [name, value] of Object.entries(auth.Authorizers)) {
      if (isObject(value)) authorizers.push(normalizeAuthorizer(name, value, [...path, 'Authorizers', name]));
    }
  }
  const out = lift<ApiAuth>({ path, authorizers, raw: auth }, auth, API_AUTH_FIELDS);
  if (isObject(auth.ResourcePolicy)) out.resourcePolicy = auth.ResourcePolicy;
  if (isObject(auth.UsagePlan)) out.usagePlan = auth.UsagePlan;
  return out;
}

const EVENT_AUTH_FIELDS: Lifted<EventAuth> = [
  ['Authorizer', 'authorizer'],
  ['AuthorizationScopes', 'authorizationScopes'],
  ['ApiKeyRequired', 'apiKeyRequired'],
  ['InvokeRole', 'invokeRole'],
];

export function normalizeEventAuth(auth: JsonObject, path: JsonPath): EventAuth {
  const out = lift<EventAuth>({ path, raw: auth }, auth, EVENT_AUTH_FIELDS);
  if (isObject(auth.ResourcePolicy)) out.resourcePolicy = auth.ResourcePolicy;
  if (auth.OverrideApiAuth !== undefined) out.overrideApiAuth = auth.OverrideApiAuth;
  return out;
}
