import type { JsonObject } from '../src/model/json';

/**
 * Synthetic SAM templates of a given number of routes, shaped like a large real service: several REST APIs
 * (API Gateway allows 300 resources per API, so at most ROUTES_PER_API routes each), many functions with a
 * handful of Api events each, Cognito / TOKEN / REQUEST / AWS_IAM authorizers, a DefaultAuthorizer on every
 * API with per-event overrides (another authorizer, NONE, scopes, API keys), and usage plans.
 * Deterministic: the same count gives the same template.
 */
export const ROUTES_PER_API = 250;
export const ROUTES_PER_FUNCTION = 20;

const METHODS = ['get', 'post', 'put', 'delete'] as const;
const DEFAULTS = ['CognitoAuth', 'TokenAuth', 'RequestAuth', 'AWS_IAM'] as const;
const USAGE_PLANS = ['PER_API', 'SHARED', 'NONE'] as const;

export interface SyntheticTemplate {
  template: JsonObject;
  routes: number;
  apis: number;
  functions: number;
}

export function syntheticTemplate(routes: number): SyntheticTemplate {
  const resources: JsonObject = {
    UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'bench-users' } },
    TokenAuthorizerFunction: {
      Type: 'AWS::Serverless::Function',
      Properties: { CodeUri: 'authorizers/', Handler: 'token.handler' },
    },
    RequestAuthorizerFunction: {
      Type: 'AWS::Serverless::Function',
      Properties: { CodeUri: 'authorizers/', Handler: 'request.handler' },
    },
  };

  const apis = Math.max(1, Math.ceil(routes / ROUTES_PER_API));
  for (let a = 0; a < apis; a++) resources[apiId(a)] = api(a);

  const functions = Math.max(1, Math.ceil(routes / ROUTES_PER_FUNCTION));
  for (let f = 0; f < functions; f++) {
    const events: JsonObject = {};
    const first = f * ROUTES_PER_FUNCTION;
    for (let r = first; r < Math.min(routes, first + ROUTES_PER_FUNCTION); r++) events[`Route${r}`] = apiEvent(r);
    resources[`Handler${f}`] = {
      Type: 'AWS::Serverless::Function',
      Properties: { CodeUri: 'src/', Handler: `routes.handler${f}`, Events: events },
    };
  }

  const template: JsonObject = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `Synthetic benchmark service: ${routes} routes on ${apis} REST APIs`,
    Globals: { Function: { Runtime: 'nodejs22.x', MemorySize: 256, Timeout: 10 } },
    Resources: resources,
  };
  return { template, routes, apis, functions };
}

function apiId(a: number): string {
  return `Api${a}`;
}

function api(a: number): JsonObject {
  const auth: JsonObject = {
    DefaultAuthorizer: DEFAULTS[a % DEFAULTS.length]!,
    Authorizers: {
      CognitoAuth: {
        UserPoolArn: { 'Fn::GetAtt': ['UserPool', 'Arn'] },
        Identity: { Header: 'Authorization', ReauthorizeEvery: 300 },
      },
      TokenAuth: {
        FunctionArn: { 'Fn::GetAtt': ['TokenAuthorizerFunction', 'Arn'] },
        Identity: { Header: 'Authorization', ValidationExpression: '^Bearer [-0-9a-zA-Z._]+$', ReauthorizeEvery: 60 },
      },
      RequestAuth: {
        FunctionPayloadType: 'REQUEST',
        FunctionArn: { 'Fn::GetAtt': ['RequestAuthorizerFunction', 'Arn'] },
        Identity: { Headers: ['X-Tenant'], QueryStrings: ['tenant'], ReauthorizeEvery: 0 },
      },
    },
  };
  const plan = USAGE_PLANS[a % USAGE_PLANS.length]!;
  auth['UsagePlan'] =
    plan === 'NONE'
      ? { CreateUsagePlan: 'NONE' }
      : {
          CreateUsagePlan: plan,
          Description: `Usage plan for API ${a}`,
          Quota: { Limit: 100000, Period: 'MONTH' },
          Throttle: { BurstLimit: 200, RateLimit: 100 },
        };
  return { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod', Auth: auth } };
}

/** Route r: on API floor(r / ROUTES_PER_API), four methods per path, with an override on some routes. */
function apiEvent(r: number): JsonObject {
  const a = Math.floor(r / ROUTES_PER_API);
  const local = r % ROUTES_PER_API;
  const properties: JsonObject = {
    RestApiId: { Ref: apiId(a) },
    Path: `/svc${Math.floor(local / 16)}/res${Math.floor(local / 4)}/{id}`,
    Method: METHODS[local % METHODS.length]!,
  };
  const auth = eventAuth(r);
  if (auth) properties['Auth'] = auth;
  return { Type: 'Api', Properties: properties };
}

/** Overrides on about half the routes, in a fixed rotation: each SAM spelling a large service tends to use. */
function eventAuth(r: number): JsonObject | undefined {
  switch (r % 8) {
    case 1:
      return { Authorizer: 'CognitoAuth', AuthorizationScopes: ['orders/read', 'orders/write'] };
    case 3:
      return { Authorizer: 'TokenAuth', ApiKeyRequired: true };
    case 5:
      return { Authorizer: r % 16 === 5 ? 'NONE' : 'AWS_IAM' };
    case 7:
      return { Authorizer: 'RequestAuth' };
    default:
      return undefined;
  }
}

/** How many Api events (routes) a template holds, counted from the template itself. */
export function countRoutes(template: JsonObject): number {
  let count = 0;
  for (const resource of Object.values(template['Resources'] as JsonObject)) {
    const events = ((resource as JsonObject)['Properties'] as JsonObject | undefined)?.['Events'];
    if (!events) continue;
    for (const event of Object.values(events as JsonObject)) if ((event as JsonObject)['Type'] === 'Api') count++;
  }
  return count;
}
