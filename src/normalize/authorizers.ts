import type { ApiAuth, Authorizer, EventAuth, LambdaIdentity } from '../model/auth';
import type { Json, JsonObject, JsonPath } from '../model/json';
import { isObject } from '../model/json';

function stringList(value: Json | undefined): Json[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function lambdaIdentity(identity: Json | undefined): LambdaIdentity {
  if (!isObject(identity)) return {};
  const out: LambdaIdentity = {};
  if (identity.Header !== undefined) out.header = identity.Header;
  const headers = stringList(identity.Headers);
  if (headers) out.headers = headers;
  const queryStrings = stringList(identity.QueryStrings);
  if (queryStrings) out.queryStrings = queryStrings;
  const stageVariables = stringList(identity.StageVariables);
  if (stageVariables) out.stageVariables = stageVariables;
  const context = stringList(identity.Context);
  if (context) out.context = context;
  if (identity.ValidationExpression !== undefined) out.validationExpression = identity.ValidationExpression;
  if (identity.ReauthorizeEvery !== undefined) out.reauthorizeEvery = identity.ReauthorizeEvery;
  return out;
}

/**
 * One SAM authorizer. SAM's rule: a truthy `UserPoolArn` makes a Cognito authorizer; anything else is a
 * Lambda authorizer whose `FunctionPayloadType` (default TOKEN) picks token or request.
 */
export function normalizeAuthorizer(name: string, value: JsonObject, path: JsonPath): Authorizer {
  const base = { name, path, dialect: 'sam' as const };
  const scopes = value.AuthorizationScopes !== undefined ? { authorizationScopes: value.AuthorizationScopes } : {};
  const disable =
    value.DisableFunctionDefaultPermissions !== undefined
      ? { disableFunctionDefaultPermissions: value.DisableFunctionDefaultPermissions }
      : {};
  const identity = isObject(value.Identity) ? value.Identity : undefined;
  if (value.UserPoolArn) {
    const cognito: Authorizer = { ...base, ...scopes, ...disable, kind: 'cognito', userPoolArn: value.UserPoolArn };
    if (identity?.Header !== undefined) cognito.header = identity.Header;
    if (identity?.ValidationExpression !== undefined) cognito.validationExpression = identity.ValidationExpression;
    return cognito;
  }
  const kind = value.FunctionPayloadType === 'REQUEST' ? 'lambda-request' : 'lambda-token';
  const lambda: Authorizer = {
    ...base,
    ...scopes,
    ...disable,
    kind,
    identity: lambdaIdentity(value.Identity),
    identityGiven: value.Identity !== undefined,
  };
  if (value.FunctionArn !== undefined) lambda.functionArn = value.FunctionArn;
  if (value.AuthorizerUri !== undefined) lambda.authorizerUri = value.AuthorizerUri;
  if (value.FunctionInvokeRole !== undefined) lambda.invokeRole = value.FunctionInvokeRole;
  return lambda;
}

/** An API's `Auth` (after Globals). Malformed parts are skipped here; the lowering reports them as SAM does. */
export function normalizeApiAuth(auth: JsonObject, path: JsonPath): ApiAuth {
  const authorizers: Authorizer[] = [];
  if (isObject(auth.Authorizers)) {
    for (const [name, value] of Object.entries(auth.Authorizers)) {
      if (isObject(value)) authorizers.push(normalizeAuthorizer(name, value, [...path, 'Authorizers', name]));
    }
  }
  const out: ApiAuth = { path, authorizers, raw: auth };
  if (auth.DefaultAuthorizer !== undefined) out.defaultAuthorizer = auth.DefaultAuthorizer;
  if (auth.InvokeRole !== undefined) out.invokeRole = auth.InvokeRole;
  if (auth.AddDefaultAuthorizerToCorsPreflight !== undefined)
    out.addDefaultAuthorizerToCorsPreflight = auth.AddDefaultAuthorizerToCorsPreflight;
  if (auth.AddApiKeyRequiredToCorsPreflight !== undefined)
    out.addApiKeyRequiredToCorsPreflight = auth.AddApiKeyRequiredToCorsPreflight;
  if (auth.ApiKeyRequired !== undefined) out.apiKeyRequired = auth.ApiKeyRequired;
  if (isObject(auth.ResourcePolicy)) out.resourcePolicy = auth.ResourcePolicy;
  if (isObject(auth.UsagePlan)) out.usagePlan = auth.UsagePlan;
  return out;
}

export function normalizeEventAuth(auth: JsonObject, path: JsonPath): EventAuth {
  const out: EventAuth = { path, raw: auth };
  if (auth.Authorizer !== undefined) out.authorizer = auth.Authorizer;
  if (auth.AuthorizationScopes !== undefined) out.authorizationScopes = auth.AuthorizationScopes;
  if (auth.ApiKeyRequired !== undefined) out.apiKeyRequired = auth.ApiKeyRequired;
  if (auth.InvokeRole !== undefined) out.invokeRole = auth.InvokeRole;
  if (isObject(auth.ResourcePolicy)) out.resourcePolicy = auth.ResourcePolicy;
  if (auth.OverrideApiAuth !== undefined) out.overrideApiAuth = auth.OverrideApiAuth;
  return out;
}
