import type { CodeDocs } from '../info';
import type { RuleCode } from '../rules';

/** What docs/diagnostics.md and SARIF rule metadata say about each code of ../rules.ts (its severity is there). */
export const RULE_DOCS = {
  // ── the schema check (schema/sam-auth.schema.json, run as standalone validators) ──
  'schema/invalid': {
    summary: 'A property does not match the Auth schema.',
    example: 'Auth:\n  Authorizers:\n    MyAuth:\n      FunctionArn: !GetAtt AuthFn.Arn\n      Identity:\n        Headers: [{ Bad: 1 }]',
    fix: 'Use the type and the values the message names.',
  },
  'schema/unknown-property': {
    summary: 'A property that SAM does not know, where SAM rejects unknown properties (Auth, UsagePlan).',
    example: 'Auth:\n  DefaultAuthoriser: MyAuth',
    fix: 'Rename it to the property the message suggests, or remove it.',
  },
  'schema/ignored-property': {
    summary: 'A property SAM does not know in a place where SAM silently ignores unknown properties (authorizers, Identity, event Auth, ResourcePolicy): often a typo whose setting never takes effect.',
    example: 'Auth:\n  Authorizers:\n    MyAuth:\n      FunctionArn: !GetAtt AuthFn.Arn\n      FunctionPayLoadType: REQUEST',
    fix: 'Rename it to the property the message suggests, or remove it.',
  },
  'schema/wrong-type': {
    summary: 'A property has the wrong type (a map where a string belongs, an intrinsic function where SAM needs a plain value, …).',
    example: 'Auth:\n  DefaultAuthorizer: !Ref MyAuth',
    fix: 'Write the kind of value the message names. Names of authorizers are plain strings, not !Ref.',
  },
  'schema/invalid-value': {
    summary: 'A property has a value outside the allowed set or range.',
    example: 'Auth:\n  Authorizers:\n    MyAuth:\n      FunctionArn: !GetAtt AuthFn.Arn\n      FunctionPayloadType: HEADER',
    fix: 'Use one of the values the message lists.',
  },
  'schema/missing-property': {
    summary: 'A required property is missing.',
    example: 'Auth:\n  UsagePlan:\n    Description: per-API plan',
    fix: 'Add the property the message names.',
  },

  // ── rules over the normalized model ──
  'rules/unknown-authorizer': {
    summary: 'DefaultAuthorizer or an event names an authorizer that the API does not define.',
    example: 'Auth:\n  DefaultAuthorizer: MyAuth\n  Authorizers:\n    MyAuht:\n      FunctionArn: !GetAtt AuthFn.Arn',
    fix: 'Name an authorizer under the API\'s Auth.Authorizers (or an AWS::Serverless::ApiAuthorizer), AWS_IAM, or NONE; check the spelling.',
  },
  'rules/unused-authorizer': {
    summary: 'An authorizer is defined but no DefaultAuthorizer, event or DefinitionBody uses it.',
    example: 'Auth:\n  Authorizers:\n    LegacyAuth:\n      FunctionArn: !GetAtt OldFn.Arn',
    fix: 'Set it as DefaultAuthorizer or on an event\'s Auth.Authorizer, or delete it.',
  },
  'rules/ttl-out-of-range': {
    summary: 'The authorizer cache TTL (ReauthorizeEvery / ReauthorizeEverySeconds) is outside 0–3600 seconds; API Gateway rejects it at deploy time.',
    example: 'Identity:\n  Header: Authorization\n  ReauthorizeEvery: 7200',
    fix: 'Use a whole number of seconds from 0 (no caching) to 3600.',
  },
  'rules/request-identity-missing': {
    summary: 'A REQUEST authorizer caches its policies but has no identity source; API Gateway answers 401 without calling it.',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: !GetAtt AuthFn.Arn\n    FunctionPayloadType: REQUEST\n    Identity:\n      ReauthorizeEvery: 300',
    fix: 'List the cache key under Identity (Headers, QueryStrings, StageVariables or Context), or set ReauthorizeEvery: 0 to turn caching off.',
  },
  'rules/validation-expression-ignored': {
    summary: 'ValidationExpression on a REQUEST authorizer: API Gateway uses it for TOKEN and Cognito authorizers only.',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: !GetAtt AuthFn.Arn\n    FunctionPayloadType: REQUEST\n    Identity:\n      Headers: [Authorization]\n      ValidationExpression: "^Bearer .+$"',
    fix: 'Remove ValidationExpression, check the value in the authorizer function, or use a TOKEN authorizer.',
  },
  'rules/scopes-without-cognito': {
    summary: 'AuthorizationScopes where no Cognito authorizer applies; API Gateway ignores them.',
    example: 'Events:\n  Get:\n    Type: Api\n    Properties:\n      Path: /\n      Method: get\n      Auth:\n        Authorizer: MyLambdaAuth\n        AuthorizationScopes: [email]',
    fix: 'Use a Cognito user pool authorizer for the scopes, or check the scopes in your Lambda authorizer and remove AuthorizationScopes.',
  },
  'rules/scopes-without-authorizer': {
    summary: "An event sets AuthorizationScopes but no Authorizer; SAM refuses it (the API's DefaultAuthorizer would apply its own scopes, not the event's).",
    example: 'Events:\n  Get:\n    Type: Api\n    Properties:\n      Path: /\n      Method: get\n      Auth:\n        AuthorizationScopes: [orders/read]',
    fix: "Add Authorizer: <your Cognito authorizer> next to the scopes in the event's Auth, or put the scopes on the authorizer (Auth.Authorizers.<name>.AuthorizationScopes).",
  },
  'rules/reference-missing': {
    summary: 'FunctionArn or UserPoolArn refers (Ref, GetAtt, Sub) to a resource or parameter that the template does not have.',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: !GetAtt AuthFuntion.Arn',
    fix: 'Refer to a logical id defined in Resources (or a Parameter for Ref), or give the ARN as a string.',
  },
  'rules/arn-wrong-service': {
    summary: 'A literal ARN that names the wrong service: FunctionArn must be a Lambda function ARN, UserPoolArn a Cognito user pool ARN.',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: arn:aws:iam::123456789012:role/AuthRole',
    fix: 'Write arn:aws:lambda:<region>:<account>:function:<name> for FunctionArn, arn:aws:cognito-idp:<region>:<account>:userpool/<id> for UserPoolArn, or use !GetAtt.',
  },
  'rules/arn-malformed': {
    summary: 'A FunctionArn or UserPoolArn string that is not an ARN at all (often a !GetAtt written without its tag).',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: AuthFn.Arn',
    fix: 'Write !GetAtt AuthFn.Arn, or the full ARN.',
  },
  'rules/duplicate-authorizer': {
    summary: 'The same authorizer name is defined more than once across an Api, Globals.Api and AWS::Serverless::ApiAuthorizer resources.',
    example: 'Globals:\n  Api:\n    Auth:\n      Authorizers:\n        MyAuth: { FunctionArn: !GetAtt A.Arn }\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Auth:\n        Authorizers:\n          MyAuth: { FunctionArn: !GetAtt B.Arn }',
    fix: 'Rename one of them, or keep one definition (Globals for all APIs, or an AWS::Serverless::ApiAuthorizer to share one).',
  },
  'rules/forbidden-header': {
    summary: 'An identity header name that HTTP does not allow (empty, spaces, colons or other separators).',
    example: 'Identity:\n  Header: "X Auth Token"',
    fix: 'Use a header name made of letters, digits and !#$%&\'*+-.^_`|~ only, e.g. X-Auth-Token.',
  },
  'rules/route-without-auth': {
    summary: 'A route is open (Authorizer: NONE) on an API whose other routes use a default authorizer.',
    example: 'Events:\n  Health:\n    Type: Api\n    Properties:\n      Path: /health\n      Method: get\n      Auth:\n        Authorizer: NONE',
    fix: 'Nothing, if the route is meant to be public; otherwise remove Authorizer: NONE.',
  },
  'rules/cors-preflight-authorized': {
    summary: 'Cors and a DefaultAuthorizer without AddDefaultAuthorizerToCorsPreflight: false: browsers\' OPTIONS preflight requests carry no token and get 401.',
    example: 'Cors: "\'*\'"\nAuth:\n  DefaultAuthorizer: MyAuth',
    fix: 'Add AddDefaultAuthorizerToCorsPreflight: false under Auth.',
  },
  'rules/cors-gateway-responses': {
    summary: 'Cors and auth without GatewayResponses for UNAUTHORIZED and ACCESS_DENIED: 401/403 responses carry no CORS headers and browsers report a CORS error.',
    example: 'Cors: "\'*\'"\nAuth:\n  DefaultAuthorizer: MyAuth',
    fix: 'Add GatewayResponses:\n  UNAUTHORIZED:\n    ResponseParameters:\n      Headers:\n        Access-Control-Allow-Origin: "\'*\'"\n  ACCESS_DENIED:\n    ResponseParameters:\n      Headers:\n        Access-Control-Allow-Origin: "\'*\'"',
  },
  'rules/too-many-authorizers': {
    summary: 'More than 10 authorizers on one API; API Gateway\'s quota is 10 per REST API and it fails the deployment.',
    example: 'Auth:\n  Authorizers: { A1: …, A2: …, …, A11: … }',
    fix: 'Share one authorizer between routes (scopes or request context tell them apart), or split the API.',
  },
} as const satisfies Record<RuleCode, CodeDocs>;
