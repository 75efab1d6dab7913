import fc from 'fast-check';
import type { Json, JsonObject } from '../../src/model/json';
import { desugar } from '../../src/normalize/dialect/index';
import { transform } from '../../src/transform';
import { dialectPairs } from './fixtures';

const FN = { 'Fn::GetAtt': ['AuthFn', 'Arn'] };
const AUTH_FN = { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: 's3://b/k' } };

function api(auth?: JsonObject): JsonObject {
  return { Type: 'AWS::Serverless::Api', Properties: auth === undefined ? { StageName: 'Prod' } : { StageName: 'Prod', Auth: auth } };
}

function fnWithEvents(events: Record<string, JsonObject>): JsonObject {
  const out: JsonObject = {};
  for (const [name, props] of Object.entries(events)) out[name] = { Type: 'Api', Properties: { Method: 'get', Path: `/${name}`, ...props } };
  return { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: 's3://b/k', Events: out } };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const codes = (template: JsonObject) => desugar(template).diagnostics.map((d) => [d.code, d.severity, d.path]);

describe('desugar: identity and purity', () => {
  it('never mutates its input (the fixtures, deep-frozen, still desugar)', () => {
    for (const { rfc } of dialectPairs()) expect(() => desugar(deepFreeze(structuredClone(rfc)))).not.toThrow();
  });

  it('keeps the identity of every subtree it does not change', () => {
    const other = api({ Authorizers: { Sam: { FunctionArn: FN, Identity: { Header: 'X' } } } });
    const fn = fnWithEvents({ a: { RestApiId: { Ref: 'MyApi' } } });
    const template: JsonObject = {
      Resources: { MyApi: api({ Authorizers: { Rfc: { FunctionArn: FN, RequestHeader: 'X' } } }), Other: other, AuthFn: AUTH_FN, Fn: fn },
    };
    const out = desugar(template).template;
    expect(out).not.toBe(template);
    const resources = out.Resources as JsonObject;
    expect(resources.Other).toBe(other);
    expect(resources.Fn).toBe(fn);
    expect(resources.AuthFn).toBe(AUTH_FN);
    expect(((resources.MyApi as JsonObject).Properties as JsonObject).StageName).toBe('Prod');
  });

  it('is deterministic and never throws on arbitrary authorizer maps', () => {
    const keys = ['Type', 'Name', 'UserPool', 'UserPools', 'UserPoolArn', 'FunctionArn', 'Function', 'AuthorizerUri', 'Identity', 'FunctionPayloadType', 'RequestHeader', 'RequestHeaders', 'RequestQueryStrings', 'RequestContext', 'InvokeWithCredentials', 'ReauthorizeEverySeconds', 'Properties', 'Other'];
    const value: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom<Json>('AuthFn', 'COGNITO_USER_POOLS', 'LAMBDA_REQUEST', 'AWS_IAM', 'CALLER_CREDENTIALS', 'Role', null, 0, ['X'], { Ref: 'Shared' }, FN), fc.string());
    const authorizer = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    fc.assert(
      fc.property(authorizer, authorizer, fc.constantFrom<Json>('A', 'Shared', { Ref: 'Shared' }, ['Shared']), (inline, shared, pick) => {
        const template: JsonObject = {
          Globals: { ApiAuthorizer: { ReauthorizeEverySeconds: 10 } },
          Resources: {
            MyApi: api(Array.isArray(pick) ? { Authorizers: pick } : { DefaultAuthorizer: pick, Authorizers: { A: inline } }),
            Shared: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: shared },
            AuthFn: AUTH_FN,
            Role: { Type: 'AWS::IAM::Role' },
            Fn: fnWithEvents({ e: { Auth: { Authorizer: 'Shared' } } }),
          },
        };
        const a = desugar(deepFreeze(template));
        const b = desugar(template);
        expect(JSON.stringify(a.template)).toBe(JSON.stringify(b.template));
        expect(a.diagnostics).toEqual(b.diagnostics);
      }),
      { numRuns: 300 },
    );
  });
});

describe('AWS::Serverless::ApiAuthorizer', () => {
  const shared: JsonObject = { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { Function: 'AuthFn', RequestHeader: 'X-Token' } };
  const desugared = { FunctionArn: FN, FunctionPayloadType: 'TOKEN', Identity: { Header: 'X-Token' } };

  it('is consumed, and copied into each API that lists or names it', () => {
    const { template, diagnostics } = desugar({
      Resources: {
        Shared: shared,
        A: api({ Authorizers: ['Shared'] }),
        B: api({ DefaultAuthorizer: { Ref: 'Shared' } }),
        C: api(),
        AuthFn: AUTH_FN,
        Fn: fnWithEvents({ c: { RestApiId: { Ref: 'C' }, Auth: { Authorizer: 'Shared' } } }),
      },
    });
    expect(diagnostics).toEqual([]);
    const resources = template.Resources as JsonObject;
    expect(resources.Shared).toBeUndefined();
    expect(resources.A).toEqual(api({ Authorizers: { Shared: desugared } }));
    expect(resources.B).toEqual(api({ DefaultAuthorizer: 'Shared', Authorizers: { Shared: desugared } }));
    expect(resources.C).toEqual(api({ Authorizers: { Shared: desugared } }));
  });

  it("leaves a list that names no ApiAuthorizer to SAM's own error (Authorizers must be a map)", () => {
    for (const list of [['Nope'], [{ MyAuth: { FunctionArn: FN } }]]) {
      const template: JsonObject = { Resources: { Shared: shared, A: api({ Authorizers: list, DefaultAuthorizer: 'Shared' }), AuthFn: AUTH_FN } };
      const { template: out, diagnostics } = desugar(template);
      expect(diagnostics).toEqual([]);
      expect((out.Resources as JsonObject).A).toBe((template.Resources as JsonObject).A);
    }
  });

  it('an inline authorizer of the same name wins over the resource', () => {
    const own = { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:own' };
    const { template, diagnostics } = desugar({
      Resources: { Shared: shared, A: api({ DefaultAuthorizer: 'Shared', Authorizers: { Shared: own } }), AuthFn: AUTH_FN },
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['dialect/unused-api-authorizer']);
    expect((template.Resources as JsonObject).A).toEqual(api({ DefaultAuthorizer: 'Shared', Authorizers: { Shared: own } }));
  });

  it.each<[string, JsonObject, [string, string, string][]]>([
    [
      'a listed name that is no ApiAuthorizer',
      { Shared: shared, A: api({ Authorizers: ['Shared', 'Nope'] }) },
      [['dialect/unknown-api-authorizer', 'error', '/Resources/A/Properties/Auth/Authorizers/1']],
    ],
    ['a !Ref entry to something else', { A: api({ Authorizers: { X: { Ref: 'AuthFn' } } }) }, [['dialect/unknown-api-authorizer', 'error', '/Resources/A/Properties/Auth/Authorizers/X']]],
    [
      'an AWS_IAM one listed under Authorizers',
      { Iam: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { Type: 'AWS_IAM' } }, A: api({ Authorizers: ['Iam'] }) },
      [['dialect/iam-authorizer-listed', 'error', '/Resources/A/Properties/Auth/Authorizers/0']],
    ],
    [
      'two that take the same name',
      {
        S1: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { Name: 'Same', Function: 'AuthFn' } },
        S2: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { Name: 'Same', UserPool: 'arn:aws:cognito-idp:us-east-1:1:userpool/p' } },
        A: api({ Authorizers: ['S1', 'S2'] }),
      },
      [['dialect/duplicate-authorizer', 'error', '/Resources/A/Properties/Auth/Authorizers/1']],
    ],
    [
      'one named by an implicit-API event while explicit APIs exist',
      { Shared: shared, A: api(), Fn: fnWithEvents({ e: { Auth: { Authorizer: 'Shared' } } }) },
      [['dialect/implicit-api-shared-authorizer', 'error', '/Resources/Fn/Properties/Events/e/Properties/Auth/Authorizer']],
    ],
    ['one nobody uses', { Shared: shared }, [['dialect/unused-api-authorizer', 'warning', '/Resources/Shared']]],
    [
      'a Ref to it elsewhere',
      { Shared: shared, A: api({ Authorizers: ['Shared'] }), Out: { Type: 'AWS::SSM::Parameter', DependsOn: 'Shared', Properties: { Value: { Ref: 'Shared' } } } },
      [
        ['dialect/api-authorizer-reference', 'error', '/Resources/Out/DependsOn'],
        ['dialect/api-authorizer-reference', 'error', '/Resources/Out/Properties/Value/Ref'],
      ],
    ],
    [
      'Properties that are not a map',
      { Shared: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: 'arn:aws:lambda:x' } },
      [['dialect/invalid-api-authorizer', 'error', '/Resources/Shared/Properties']],
    ],
    [
      'an error in its own properties',
      { Shared: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { UserPool: 'p', Function: 'AuthFn' } }, A: api({ Authorizers: ['Shared'] }) },
      [['dialect/ambiguous-type', 'error', '/Resources/Shared/Properties/Function']],
    ],
    [
      'DefaultAuthorizer both beside and inside Auth',
      { A: { Type: 'AWS::Serverless::Api', Properties: { DefaultAuthorizer: 'X', Auth: { DefaultAuthorizer: 'Y' } } } },
      [['dialect/conflicting-properties', 'error', '/Resources/A/Properties/DefaultAuthorizer']],
    ],
  ])('reports %s, located', (_name, resources, expected) => {
    expect(codes({ Resources: { AuthFn: AUTH_FN, ...resources } })).toEqual(expected);
  });

  it('locates an error caused by a Globals.ApiAuthorizer default in Globals', () => {
    const template: JsonObject = {
      Globals: { ApiAuthorizer: { FunctionArn: FN } },
      Resources: { Shared: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { UserPool: 'arn:aws:cognito-idp:us-east-1:1:userpool/p' } } },
    };
    expect(codes(template)).toEqual([['dialect/ambiguous-type', 'error', '/Globals/ApiAuthorizer/FunctionArn']]);
    expect(codes({ Globals: { ApiAuthorizer: ['x'] }, Resources: {} })).toEqual([['dialect/invalid-api-authorizer', 'error', '/Globals/ApiAuthorizer']]);
  });

  it('removes Globals.ApiAuthorizer, and Globals when nothing else is left', () => {
    const only = desugar({ Globals: { ApiAuthorizer: { ReauthorizeEverySeconds: 0 } }, Resources: {} }).template;
    expect(only).toEqual({ Resources: {} });
    const more = desugar({ Globals: { ApiAuthorizer: {}, Function: { Timeout: 3 } }, Resources: {} }).template;
    expect(more).toEqual({ Globals: { Function: { Timeout: 3 } }, Resources: {} });
  });
});

describe('origin: desugared paths back to what the user wrote', () => {
  const template: JsonObject = {
    Globals: { ApiAuthorizer: { ReauthorizeEverySeconds: 30 } },
    Resources: {
      Shared: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { Function: 'AuthFn', RequestHeaders: ['X-A', 'X-B'] } },
      A: api({ Authorizers: ['Shared'], DefaultAuthorizer: 'Shared' }),
      B: api({ Authorizers: { Own: { Properties: { UserPool: 'arn:aws:cognito-idp:us-east-1:1:userpool/p', RequestHeader: 'X-Id' } } } }),
      AuthFn: AUTH_FN,
    },
    Globals2: {},
  };
  const { origin, diagnostics } = desugar(template);
  const shared = ['Resources', 'A', 'Properties', 'Auth', 'Authorizers', 'Shared'];
  const own = ['Resources', 'B', 'Properties', 'Auth', 'Authorizers', 'Own'];

  it.each<[string, (string | number)[], (string | number)[]]>([
    ['a copied ApiAuthorizer', shared, ['Resources', 'Shared', 'Properties']],
    ['its FunctionArn (from Function)', [...shared, 'FunctionArn'], ['Resources', 'Shared', 'Properties', 'Function']],
    ['an identity list item', [...shared, 'Identity', 'Headers', 1], ['Resources', 'Shared', 'Properties', 'RequestHeaders', 1]],
    ['an item given as a pointer string', [...shared, 'Identity', 'Headers', '0'], ['Resources', 'Shared', 'Properties', 'RequestHeaders', '0']],
    ['a default from Globals.ApiAuthorizer', [...shared, 'Identity', 'ReauthorizeEvery'], ['Globals', 'ApiAuthorizer', 'ReauthorizeEverySeconds']],
    ['a synthesized Identity block', [...shared, 'Identity'], ['Resources', 'Shared', 'Properties']],
    ['an inline authorizer under the RFC Properties wrapper', [...own, 'UserPoolArn'], [...own, 'Properties', 'UserPool']],
    ['its header', [...own, 'Identity', 'Header'], [...own, 'Properties', 'RequestHeader']],
    ['an untouched place', ['Resources', 'A', 'Properties', 'StageName'], ['Resources', 'A', 'Properties', 'StageName']],
  ])('%s', (_name, path, expected) => {
    expect(diagnostics).toEqual([]);
    expect(origin(path)).toEqual(expected);
  });
});

describe('transform with the dialect', () => {
  it('reports a finding inside a shared authorizer once, where the user wrote it', () => {
    const template: JsonObject = {
      Resources: {
        Shared: { Type: 'AWS::Serverless::ApiAuthorizer', Properties: { Function: 'AuthFn', ReauthorizeEverySeconds: 7200 } },
        A: api({ DefaultAuthorizer: 'Shared' }),
        B: api({ DefaultAuthorizer: 'Shared' }),
        AuthFn: AUTH_FN,
        Fn: fnWithEvents({ a: { RestApiId: { Ref: 'A' } }, b: { RestApiId: { Ref: 'B' } } }),
      },
    };
    const ttl = transform(template).diagnostics.filter((d) => d.code === 'rules/ttl-out-of-range');
    expect(ttl.map((d) => [d.path, d.resource])).toEqual([['/Resources/Shared/Properties/ReauthorizeEverySeconds', 'Shared']]);
  });

  it('stops at a dialect error, with nothing lowered', () => {
    const result = transform({ Resources: { A: api({ Authorizers: { X: { UserPool: 'p', FunctionArn: FN } } }), AuthFn: AUTH_FN } });
    expect(result.fragment).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['dialect/ambiguous-type']);
  });

  it('gives each API that shares a Lambda ApiAuthorizer its own authorizer permission, and drops the resource', () => {
    const pair = dialectPairs().find((p) => p.name === 'shared-name-and-state-machine');
    const fragment = pair === undefined ? undefined : transform(pair.rfc).fragment;
    const resources = (fragment?.Resources ?? {}) as JsonObject;
    expect(resources.TenantAuthorizer).toBeUndefined();
    const permissions = Object.keys(resources).filter((id) => id.endsWith('AuthorizerPermission')).sort();
    expect(permissions).toEqual(['PartnerApiPartnerAuthorizerPermission', 'PublicApiTenantAuthorizerPermission']);
  });

  // Chalice's CustomAuthorizer(authorizer_uri=…) desugars to SAM's spelling plus our AuthorizerUri extension key,
  // which the lowering writes as the authorizer URI, unchanged, with no invoke permission (the function is not ours).
  it('lowers AuthorizerUri as the authorizer URI, unchanged', () => {
    const pair = dialectPairs().find((p) => p.name === 'authorizer-uri');
    const resources = ((pair === undefined ? undefined : transform(pair.rfc).fragment)?.Resources ?? {}) as JsonObject;
    const body = ((resources.MyApi as JsonObject).Properties as JsonObject).Body as JsonObject;
    const scheme = (body.securityDefinitions as JsonObject).MyCustomAuth as JsonObject;
    expect((scheme['x-amazon-apigateway-authorizer'] as JsonObject).authorizerUri).toBe(
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:FunctionName/invocations',
    );
    expect(Object.keys(resources).filter((id) => id.endsWith('AuthorizerPermission'))).toEqual([]);
  });
});
