import { AUTH, EVENT, apiTemplate, findings, validateYaml } from './helpers';
import { FAILING_RULES, RULES } from '../../src/validate/index';
import { RULE_CODES } from '../../src/diagnostics/codes/rules';

/**
 * One table per rule family, in the typescript-eslint style: `valid` templates give none of the family's
 * codes, each `invalid` template gives exactly the listed `code path` findings of the family.
 */
interface Table {
  codes: string[];
  valid: { name: string; yaml: string }[];
  invalid: { name: string; yaml: string; expect: string[] }[];
}

const lambda = (extra = '') => `FunctionArn: !GetAtt AuthFn.Arn${extra ? '\n' + extra : ''}`;
const request = (identity: string) => `FunctionArn: !GetAtt AuthFn.Arn\nFunctionPayloadType: REQUEST\nIdentity:\n${identity.split('\n').map((l) => '  ' + l).join('\n')}`;
const authorizers = (body: Record<string, string>, head = 'DefaultAuthorizer: A') =>
  `${head}\nAuthorizers:\n${Object.entries(body).map(([n, b]) => `  ${n}:\n${b.split('\n').map((l) => '    ' + l).join('\n')}`).join('\n')}`;
const event = (auth: string, path = '/', method = 'get') =>
  `Get:\n  Type: Api\n  Properties:\n    RestApiId: !Ref MyApi\n    Path: ${path}\n    Method: ${method}\n    Auth:\n${auth.split('\n').map((l) => '      ' + l).join('\n')}`;
const pool = 'UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';

const TABLES: Record<string, Table> = {
  'unknown-authorizer': {
    codes: ['rules/unknown-authorizer'],
    valid: [
      { name: 'default names a defined authorizer', yaml: apiTemplate(authorizers({ A: lambda() })) },
      { name: 'AWS_IAM default', yaml: apiTemplate('DefaultAuthorizer: AWS_IAM') },
      { name: 'event names NONE', yaml: apiTemplate(authorizers({ A: lambda() }), { events: event('Authorizer: NONE') }) },
    ],
    invalid: [
      { name: 'misspelt default', yaml: apiTemplate(authorizers({ A: lambda() }, 'DefaultAuthorizer: B')), expect: [`rules/unknown-authorizer ${AUTH}/DefaultAuthorizer`] },
      {
        name: 'event names an undefined authorizer',
        yaml: apiTemplate(authorizers({ A: lambda() }), { events: event('Authorizer: Missing') }),
        expect: [`rules/unknown-authorizer ${EVENT}/Get/Properties/Auth/Authorizer`],
      },
    ],
  },
  'unused-authorizer': {
    codes: ['rules/unused-authorizer'],
    valid: [
      { name: 'used as default', yaml: apiTemplate(authorizers({ A: lambda() })) },
      { name: 'used by an event', yaml: apiTemplate(authorizers({ A: lambda() }, 'ApiKeyRequired: false'), { events: event('Authorizer: A') }) },
    ],
    invalid: [{ name: 'second authorizer unused', yaml: apiTemplate(authorizers({ A: lambda(), B: lambda() })), expect: [`rules/unused-authorizer ${AUTH}/Authorizers/B`] }],
  },
  'ttl-range': {
    codes: ['rules/ttl-out-of-range'],
    valid: [
      { name: '0', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: 0') })) },
      { name: '3600', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: 3600') })) },
      { name: 'Fn::If within range', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: !If [IsProd, 3600, 0]') })) },
      { name: 'a parameter', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: !Ref Ttl') })) },
    ],
    invalid: [
      { name: '7200', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: 7200') })), expect: [`rules/ttl-out-of-range ${AUTH}/Authorizers/A/Identity/ReauthorizeEvery`] },
      { name: 'negative', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: -1') })), expect: [`rules/ttl-out-of-range ${AUTH}/Authorizers/A/Identity/ReauthorizeEvery`] },
      { name: 'one Fn::If branch out of range', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ReauthorizeEvery: !If [IsProd, 86400, 0]') })), expect: [`rules/ttl-out-of-range ${AUTH}/Authorizers/A/Identity/ReauthorizeEvery`] },
    ],
  },
  'request-identity': {
    codes: ['rules/request-identity-missing', 'rules/validation-expression-ignored'],
    valid: [
      { name: 'REQUEST with a header', yaml: apiTemplate(authorizers({ A: request('Headers: [Authorization]') })) },
      { name: 'REQUEST with caching off and no source', yaml: apiTemplate(authorizers({ A: request('ReauthorizeEvery: 0') })) },
      { name: 'TOKEN with ValidationExpression', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  ValidationExpression: "^Bearer .+$"') })) },
    ],
    invalid: [
      { name: 'REQUEST, default TTL, no source', yaml: apiTemplate(authorizers({ A: request('ReauthorizeEvery: 300') })), expect: [`rules/request-identity-missing ${AUTH}/Authorizers/A/Identity`] },
      {
        name: 'ValidationExpression on REQUEST',
        yaml: apiTemplate(authorizers({ A: request('Headers: [Authorization]\nValidationExpression: abc') })),
        expect: [`rules/validation-expression-ignored ${AUTH}/Authorizers/A/Identity/ValidationExpression`],
      },
    ],
  },
  'scopes-without-cognito': {
    codes: ['rules/scopes-without-cognito'],
    valid: [
      { name: 'scopes on a Cognito authorizer', yaml: apiTemplate(authorizers({ A: `${pool}\nAuthorizationScopes: [email]` })) },
      { name: 'route scopes with the Cognito authorizer named', yaml: apiTemplate(authorizers({ A: pool }), { events: event('Authorizer: A\nAuthorizationScopes: [email]') }) },
    ],
    invalid: [
      { name: 'scopes on a Lambda authorizer', yaml: apiTemplate(authorizers({ A: lambda('AuthorizationScopes: [email]') })), expect: [`rules/scopes-without-cognito ${AUTH}/Authorizers/A/AuthorizationScopes`] },
      {
        name: 'route scopes with AWS_IAM',
        yaml: apiTemplate('DefaultAuthorizer: AWS_IAM', { events: event('Authorizer: AWS_IAM\nAuthorizationScopes: [email]') }),
        expect: [`rules/scopes-without-cognito ${EVENT}/Get/Properties/Auth/AuthorizationScopes`],
      },
    ],
  },
  'scopes-without-authorizer': {
    codes: ['rules/scopes-without-authorizer'],
    valid: [
      { name: 'scopes with the authorizer named', yaml: apiTemplate(authorizers({ A: pool }), { events: event('Authorizer: A\nAuthorizationScopes: [email]') }) },
      { name: 'an empty list of scopes (SAM: falsy)', yaml: apiTemplate(authorizers({ A: pool }), { events: event('AuthorizationScopes: []') }) },
      {
        name: "the user's own DefinitionBody: SAM never reads the event's Auth",
        yaml: apiTemplate(authorizers({ A: pool }), { properties: 'DefinitionBody:\n  swagger: "2.0"\n  paths: {}', events: event('AuthorizationScopes: [email]') }),
      },
    ],
    invalid: [
      {
        name: 'scopes under a Cognito default, no Authorizer on the event',
        yaml: apiTemplate(authorizers({ A: pool }), { events: event('AuthorizationScopes: [email]') }),
        expect: [`rules/scopes-without-authorizer ${EVENT}/Get/Properties/Auth/AuthorizationScopes`],
      },
      {
        name: 'scopes on an API without auth',
        yaml: apiTemplate('ApiKeyRequired: true', { events: event('AuthorizationScopes: [email]') }),
        expect: [`rules/scopes-without-authorizer ${EVENT}/Get/Properties/Auth/AuthorizationScopes`],
      },
    ],
  },
  'authorizer-arns': {
    codes: ['rules/reference-missing', 'rules/arn-wrong-service', 'rules/arn-malformed'],
    valid: [
      { name: 'GetAtt of a function in the template', yaml: apiTemplate(authorizers({ A: lambda() })) },
      { name: 'literal Lambda ARN', yaml: apiTemplate(authorizers({ A: 'FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth' })) },
      { name: 'Sub Lambda ARN with pseudo parameters', yaml: apiTemplate(authorizers({ A: 'FunctionArn: !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:auth' })) },
      { name: 'literal user pool ARN', yaml: apiTemplate(authorizers({ A: pool })) },
    ],
    invalid: [
      { name: 'GetAtt of a missing resource', yaml: apiTemplate(authorizers({ A: 'FunctionArn: !GetAtt AuthFunction.Arn' })), expect: [`rules/reference-missing ${AUTH}/Authorizers/A/FunctionArn`] },
      { name: 'Sub of a missing parameter', yaml: apiTemplate(authorizers({ A: 'UserPoolArn: !Sub arn:aws:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/${PoolId}' })), expect: [`rules/reference-missing ${AUTH}/Authorizers/A/UserPoolArn`] },
      { name: 'an IAM role as FunctionArn', yaml: apiTemplate(authorizers({ A: 'FunctionArn: arn:aws:iam::123456789012:role/r' })), expect: [`rules/arn-wrong-service ${AUTH}/Authorizers/A/FunctionArn`] },
      { name: 'a Lambda ARN as UserPoolArn', yaml: apiTemplate(authorizers({ A: 'UserPoolArn: arn:aws:lambda:us-east-1:123456789012:function:f' })), expect: [`rules/arn-wrong-service ${AUTH}/Authorizers/A/UserPoolArn`] },
      { name: 'GetAtt written without its tag', yaml: apiTemplate(authorizers({ A: 'FunctionArn: AuthFn.Arn' })), expect: [`rules/arn-malformed ${AUTH}/Authorizers/A/FunctionArn`] },
    ],
  },
  'duplicate-authorizer': {
    codes: ['rules/duplicate-authorizer'],
    valid: [{ name: 'distinct names in Globals and Api', yaml: 'Globals:\n  Api:\n    Auth:\n      Authorizers:\n        G:\n          FunctionArn: !GetAtt AuthFn.Arn\n' + apiTemplate(authorizers({ A: lambda() })) }],
    invalid: [
      {
        name: 'same name in Globals and Api',
        yaml: 'Globals:\n  Api:\n    Auth:\n      Authorizers:\n        A:\n          FunctionArn: !GetAtt AuthFn.Arn\n' + apiTemplate(authorizers({ A: lambda() })),
        expect: [`rules/duplicate-authorizer ${AUTH}/Authorizers/A`],
      },
    ],
  },
  'forbidden-header': {
    codes: ['rules/forbidden-header'],
    valid: [{ name: 'X-Auth-Token', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  Header: X-Auth-Token') })) }],
    invalid: [
      { name: 'a space', yaml: apiTemplate(authorizers({ A: lambda('Identity:\n  Header: "X Auth"') })), expect: [`rules/forbidden-header ${AUTH}/Authorizers/A/Identity/Header`] },
      { name: 'a colon in a REQUEST header', yaml: apiTemplate(authorizers({ A: request('Headers: [Good, "Bad:Name"]') })), expect: [`rules/forbidden-header ${AUTH}/Authorizers/A/Identity/Headers/1`] },
    ],
  },
  'route-without-auth': {
    codes: ['rules/route-without-auth'],
    valid: [{ name: 'NONE without a default', yaml: apiTemplate(authorizers({ A: lambda() }, 'ApiKeyRequired: false'), { events: event('Authorizer: A') }) }],
    invalid: [
      { name: 'NONE under a default', yaml: apiTemplate(authorizers({ A: lambda() }), { events: event('Authorizer: NONE', '/health') }), expect: [`rules/route-without-auth ${EVENT}/Get/Properties/Auth/Authorizer`] },
    ],
  },
  cors: {
    codes: ['rules/cors-preflight-authorized', 'rules/cors-gateway-responses'],
    valid: [
      {
        name: 'preflight excluded and gateway responses set',
        yaml: apiTemplate(authorizers({ A: lambda() }, 'DefaultAuthorizer: A\nAddDefaultAuthorizerToCorsPreflight: false'), {
          properties: 'Cors: "\'*\'"\nGatewayResponses:\n  UNAUTHORIZED:\n    StatusCode: 401\n  ACCESS_DENIED:\n    StatusCode: 403',
        }),
      },
      { name: 'no Cors', yaml: apiTemplate(authorizers({ A: lambda() })) },
    ],
    invalid: [
      {
        name: 'Cors and a default authorizer',
        yaml: apiTemplate(authorizers({ A: lambda() }), { properties: 'Cors: "\'*\'"' }),
        expect: [`rules/cors-preflight-authorized ${AUTH}/DefaultAuthorizer`, 'rules/cors-gateway-responses /Resources/MyApi/Properties/Cors'],
      },
    ],
  },
  'too-many-authorizers': {
    codes: ['rules/too-many-authorizers'],
    valid: [{ name: '10', yaml: apiTemplate(authorizers(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`A${i}`, lambda()])), 'DefaultAuthorizer: A0')) }],
    invalid: [
      { name: '11', yaml: apiTemplate(authorizers(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`A${i}`, lambda()])), 'DefaultAuthorizer: A0')), expect: [`rules/too-many-authorizers ${AUTH}/Authorizers`] },
    ],
  },
};

describe.each(Object.entries(TABLES))('rule %s', (_name, table) => {
  it.each(table.valid.map((c) => [c.name, c.yaml]))('valid: %s', (_n, yaml) => {
    expect(findings(validateYaml(yaml), table.codes)).toEqual([]);
  });
  it.each(table.invalid.map((c) => [c.name, c.yaml, c.expect] as const))('invalid: %s', (_n, yaml, expected) => {
    expect(findings(validateYaml(yaml), table.codes)).toEqual(expected);
  });
});

describe('rule registry', () => {
  it('every rules/* code is reported by exactly one rule, and has a table here', () => {
    const fromRules = RULES.flatMap((r) => [...r.codes]);
    const ruleCodes = Object.keys(RULE_CODES).filter((c) => c.startsWith('rules/'));
    expect([...fromRules].sort()).toEqual([...ruleCodes].sort());
    const tested = new Set(Object.values(TABLES).flatMap((t) => t.invalid.flatMap((c) => c.expect.map((e) => e.split(' ')[0]))));
    expect(ruleCodes.filter((c) => !tested.has(c))).toEqual([]);
  });

  it('FAILING_RULES are exactly the rules with an error code, in the order of RULES', () => {
    const canFail = RULES.filter((r) => r.codes.some((c) => RULE_CODES[c as keyof typeof RULE_CODES] === 'error'));
    expect(FAILING_RULES.map((r) => r.name)).toEqual(canFail.map((r) => r.name));
    expect(FAILING_RULES.length).toBeLessThan(RULES.length);
  });

  it('the rules never change the model or the template', () => {
    const yaml = apiTemplate(authorizers({ A: request('ReauthorizeEvery: 9000'), B: lambda() }), { properties: 'Cors: "\'*\'"' });
    const { parseYaml } = require('./helpers') as typeof import('./helpers');
    const template = parseYaml(yaml);
    const before = JSON.stringify(template);
    const { normalize } = require('../../src/normalize/index') as typeof import('../../src/normalize/index');
    const { validate, RULES: rules } = require('../../src/validate/index') as typeof import('../../src/validate/index');
    const model = normalize(template).model;
    const modelBefore = JSON.stringify(model);
    const first = validate(model, template, rules);
    expect(JSON.stringify(template)).toBe(before);
    expect(JSON.stringify(model)).toBe(modelBefore);
    expect(validate(model, template, rules)).toEqual(first);
  });
});
