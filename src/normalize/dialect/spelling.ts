import type { JsonObject } from '../../model/json';

/**
 * The two spellings of an authorizer. SAM as shipped: `UserPoolArn`, `FunctionPayloadType`, `Identity.*`,
 * `FunctionInvokeRole`. The RFC (aws/serverless-application-model#512): `Type`, `UserPool(s)`, `Request*`,
 * `InvokeWithCredentials`, `ReauthorizeEverySeconds`. Some names belong to both.
 */

/** SAM's own names, each with the RFC's name for it (for messages). */
const SAM_NAMES: Record<string, string> = {
  UserPoolArn: 'UserPool / UserPools',
  FunctionPayloadType: 'Type',
  FunctionInvokeRole: 'InvokeWithCredentials',
  Identity: 'RequestHeader, RequestHeaderValidationExpression, ReauthorizeEverySeconds and the Request* lists',
};

/** The RFC's own names, each with SAM's name for it (for messages). */
const RFC_NAMES: Record<string, string> = {
  Type: 'FunctionPayloadType (TOKEN / REQUEST) or UserPoolArn',
  Name: 'the key under Authorizers',
  UserPool: 'UserPoolArn',
  UserPools: 'UserPoolArn',
  RequestHeader: 'Identity.Header',
  RequestHeaderValidationExpression: 'Identity.ValidationExpression',
  // The RFC's Globals.ApiAuthorizer example spells it as CloudFormation does.
  IdentityValidationExpression: 'Identity.ValidationExpression',
  InvokeWithCredentials: 'FunctionInvokeRole',
  ReauthorizeEverySeconds: 'Identity.ReauthorizeEvery',
  RequestHeaders: 'Identity.Headers',
  RequestQueryStrings: 'Identity.QueryStrings',
  RequestStageVariables: 'Identity.StageVariables',
  RequestContext: 'Identity.Context',
};

export const SAM_ONLY: readonly string[] = Object.keys(SAM_NAMES);
export const RFC_ONLY: readonly string[] = Object.keys(RFC_NAMES);

/** The other spelling's name for a property, for messages. */
export const EQUIVALENT: Record<string, string> = { ...SAM_NAMES, ...RFC_NAMES };

/**
 * Accepted in either spelling. `Function` (the RFC's proposed enhancement, Chalice's built-in authorizer) and
 * `AuthorizerUri` (Chalice's custom authorizer) are ours; `AuthorizerUri` survives desugaring as an extension
 * key that the lowering reads.
 */
export const SHARED = ['FunctionArn', 'Function', 'AuthorizerUri', 'AuthorizationScopes', 'DisableFunctionDefaultPermissions'] as const;

/** The RFC's identity-source lists, in the order API Gateway's identitySource lists them, with SAM's name. */
export const REQUEST_LISTS = [
  { rfc: 'RequestHeaders', sam: 'Headers' },
  { rfc: 'RequestQueryStrings', sam: 'QueryStrings' },
  { rfc: 'RequestStageVariables', sam: 'StageVariables' },
  { rfc: 'RequestContext', sam: 'Context' },
] as const;

export function has(props: JsonObject, key: string): boolean {
  return Object.hasOwn(props, key);
}

/** The keys of `props` that are in `names`, in the order the template wrote them. */
export function present(props: JsonObject, names: readonly string[]): string[] {
  return Object.keys(props).filter((key) => names.includes(key));
}
