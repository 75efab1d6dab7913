/**
 * HttpApi events whose ApiId names a REST API we lower (src/emit/http-api-events.ts): routes written into the
 * REST API's OpenAPI 3 body and the permissions SAM makes for them; events on APIs we do not lower left alone.
 */
import { transform } from '../../src/transform';
import type { Json, JsonObject } from '../../src/model/json';
import { isObject } from '../../src/model/json';
import { runCase } from '../conformance/harness';

const AUTH: JsonObject = { DefaultAuthorizer: 'Token', Authorizers: { Token: { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth' } } };

function restApi(body: JsonObject | undefined, extra: JsonObject = {}): JsonObject {
  return { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod', Auth: AUTH, ...(body ? { DefinitionBody: body } : {}), ...extra } };
}

const OPENAPI: JsonObject = { openapi: '3.0.1', info: { title: 't', version: '1' }, paths: {} };

function fn(events: JsonObject, extra: JsonObject = {}): JsonObject {
  return { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 's3://b/k', Handler: 'i.h', Runtime: 'nodejs20.x', Events: events }, ...extra };
}

function httpEvent(properties: JsonObject): JsonObject {
  return { Type: 'HttpApi', Properties: { ApiId: { Ref: 'Api' }, ...properties } };
}

function run(resources: JsonObject, template: JsonObject = {}): { resources: JsonObject; errors: string[] } {
  const out = transform({ ...template, Resources: resources });
  const errors = out.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path}: ${d.message}`);
  return { resources: (out.fragment?.Resources ?? {}) as JsonObject, errors };
}

function get(value: Json | undefined, ...keys: string[]): Json | undefined {
  let at = value;
  for (const key of keys) at = isObject(at) ? at[key] : undefined;
  return at;
}

function sourceArn(resources: JsonObject, id: string): Json | undefined {
  const sub = get(resources[id], 'Properties', 'SourceArn', 'Fn::Sub');
  return Array.isArray(sub) ? sub[0] : undefined;
}

const ARN = 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/';

describe('HttpApi events on a lowered REST API', () => {
  it('the SAM case is exact and its permission is compared (not left to SAM)', () => {
    const r = runCase({ case: 'api_with_any_method_in_swagger', kind: 'ok', features: [] });
    expect(r.tier).toBe('exact');
    expect(r.compared).toContain('HttpApiFunctionSimpleCasePermission');
    expect(r.compared).not.toContain('HttpApiFunctionBasePathPermission');
  });

  it.each([
    ['no Path/Method: $default, every path', {}, '$default', 'x-amazon-apigateway-any-method', ARN + '*'],
    ['ANY', { Path: '/a', Method: 'ANY' }, '/a', 'x-amazon-apigateway-any-method', ARN + '*/a'],
    ['trailing slash and path parameters', { Path: '/a/{id}/', Method: 'Post' }, '/a/{id}/', 'post', ARN + 'POST/a/*'],
    ['proxy', { Path: '/{proxy+}', Method: 'get' }, '/{proxy+}', 'get', ARN + 'GET/*'],
  ])('%s', (_name, props, path, method, arn) => {
    const { resources, errors } = run({ Api: restApi(OPENAPI), Fn: fn({ Ev: httpEvent(props) }) });
    expect(errors).toEqual([]);
    expect(sourceArn(resources, 'FnEvPermission')).toBe(arn);
    const integration = get(resources.Api, 'Properties', 'Body', 'paths', path, method, 'x-amazon-apigateway-integration');
    expect(integration).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      payloadFormatVersion: '2.0',
      uri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations' },
    });
    expect(get(resources.Api, 'Properties', 'Body', 'paths', path, method, 'security')).toEqual([{ Token: [] }]);
    expect(get(resources.Fn, 'Properties', 'Events')).toBeUndefined();
  });

  it('a function owning the $default route gets no permission for its other routes; another function does', () => {
    const { resources, errors } = run({
      Api: restApi(OPENAPI),
      A: fn({ Zed: httpEvent({}), Alpha: httpEvent({ Path: '/x', Method: 'get' }) }),
      B: fn({ Other: httpEvent({ Path: '/y', Method: 'get' }) }),
    });
    expect(errors).toEqual([]);
    const permissions = Object.keys(resources).filter((id) => get(resources[id], 'Type') === 'AWS::Lambda::Permission' && !id.includes('Authorizer'));
    expect(permissions.sort()).toEqual(['AZedPermission', 'BOtherPermission']);
    expect(get(resources.Api, 'Properties', 'Body', 'paths', '$default', 'x-amazon-apigateway-any-method', 'isDefaultRoute')).toBe(true);
  });

  it('keeps a method the body already integrates, and still permits it', () => {
    const body: JsonObject = { ...OPENAPI, paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'https://example.com' } } } } };
    const { resources, errors } = run({ Api: restApi(body), Fn: fn({ Ev: httpEvent({ Path: '/a', Method: 'get' }) }) });
    expect(errors).toEqual([]);
    expect(get(resources.Api, 'Properties', 'Body', 'paths', '/a', 'get', 'x-amazon-apigateway-integration', 'type')).toBe('http_proxy');
    expect(sourceArn(resources, 'FnEvPermission')).toBe(ARN + 'GET/a');
  });

  it('PayloadFormatVersion, TimeoutInMillis and the function Condition', () => {
    const { resources, errors } = run(
      { Api: restApi(OPENAPI), Fn: fn({ Ev: httpEvent({ Path: '/a', Method: 'get', PayloadFormatVersion: '1.0', TimeoutInMillis: 900 }) }, { Condition: 'On' }) },
      { Conditions: { On: { 'Fn::Equals': ['a', 'a'] } } },
    );
    expect(errors).toEqual([]);
    const method = get(resources.Api, 'Properties', 'Body', 'paths', '/a', 'get');
    const args = get(method, 'Fn::If');
    expect(Array.isArray(args) && args[0]).toBe('On');
    const def = Array.isArray(args) ? args[1] : undefined;
    expect(get(def, 'x-amazon-apigateway-integration', 'payloadFormatVersion')).toBe('1.0');
    expect(get(def, 'x-amazon-apigateway-integration', 'timeoutInMillis')).toBe(900);
    expect(get(def, 'x-amazon-apigateway-integration', 'uri', 'Fn::If')).toEqual(['On', expect.anything(), { Ref: 'AWS::NoValue' }]);
    expect(get(resources.FnEvPermission, 'Condition')).toBe('On');
  });

  it.each([
    ['a Swagger 2.0 body', restApi({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }), {}, /sam\/invalid-api .*Invalid OpenApi document/],
    ['a SAM-built Swagger body', restApi(undefined), {}, /Invalid OpenApi document/],
    ['a Path without Method', restApi(OPENAPI), { Path: '/a' }, /Event is missing key 'Method'/],
    ['an undefined Authorizer', restApi(OPENAPI), { Path: '/a', Method: 'get', Auth: { Authorizer: 'Nope' } }, /Unable to set Authorizer \[Nope\].*wasn't defined in the API's Authorizers/],
    ['a non-list AuthorizationScopes', restApi(OPENAPI), { Path: '/a', Method: 'get', Auth: { AuthorizationScopes: 'x' } }, /'AuthorizationScopes' must be a list of strings/],
  ])('rejects %s as SAM does', (_name, api, props, message) => {
    const { errors } = run({ Api: api, Fn: fn({ Ev: httpEvent(props) }) });
    expect(errors[0]).toMatch(message);
  });

  it('a SAM-built body made OpenAPI 3 by OpenApiVersion takes the route', () => {
    const { resources, errors } = run({ Api: restApi(undefined, { OpenApiVersion: '3.0.1' }), Fn: fn({ Ev: httpEvent({ Path: '/a', Method: 'get' }) }) });
    expect(errors).toEqual([]);
    expect(get(resources.Api, 'Properties', 'Body', 'paths', '/a', 'get', 'x-amazon-apigateway-integration', 'payloadFormatVersion')).toBe('2.0');
  });

  it('leaves HttpApi events on a real HttpApi, on a REST API without auth, and without ApiId to SAM', () => {
    const events: JsonObject = {
      Http: { Type: 'HttpApi', Properties: { ApiId: { Ref: 'Http' } } },
      Plain: { Type: 'HttpApi', Properties: { ApiId: { Ref: 'NoAuth' }, Path: '/p', Method: 'get' } },
      Implicit: { Type: 'HttpApi' },
      Rest: httpEvent({ Path: '/a', Method: 'get' }),
    };
    const { resources, errors } = run({
      Api: restApi(OPENAPI),
      NoAuth: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'p', DefinitionBody: OPENAPI } },
      Http: { Type: 'AWS::Serverless::HttpApi' },
      Fn: fn(events),
    });
    expect(errors).toEqual([]);
    expect(Object.keys(get(resources.Fn, 'Properties', 'Events') as JsonObject).sort()).toEqual(['Http', 'Implicit', 'Plain']);
    expect(get(resources.NoAuth, 'Type')).toBe('AWS::Serverless::Api');
    expect(resources.FnRestPermission).toBeDefined();
  });
});
