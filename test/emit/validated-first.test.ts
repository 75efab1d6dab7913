import { transform } from '../../src/transform';
import type { Json, JsonObject } from '../../src/model/json';

/**
 * SAM checks an authorizer's shape when it builds it (ApiGatewayAuthorizer: FunctionPayloadType, Identity and
 * its source lists, AuthorizationScopes, DisableFunctionDefaultPermissions, a REQUEST authorizer's identity).
 * The lowering does not repeat those checks: validation (the schema and the rules) runs first and stops the
 * transform. This table holds that promise, for values written as they are and through a parameter
 * (`!Ref P`, which normalize inlines as SAM does), so that no such value can reach the lowering unchecked.
 */
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:auth';

function templateWith(authorizer: JsonObject, parameter?: Json): JsonObject {
  return {
    ...(parameter === undefined ? {} : { Parameters: { P: { Type: 'String', Default: parameter } } }),
    Resources: {
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: { Handler: 'i.h', Events: { E: { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: '/x', Method: 'get' } } } },
      },
      Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'p', Auth: { DefaultAuthorizer: 'A', Authorizers: { A: authorizer } } } },
    },
  };
}

const request = (extra: JsonObject): JsonObject => ({ FunctionArn: LAMBDA, FunctionPayloadType: 'REQUEST', Identity: { Headers: ['X'] }, ...extra });

const rows: [string, JsonObject][] = [
  ['FunctionPayloadType not TOKEN or REQUEST', { FunctionArn: LAMBDA, FunctionPayloadType: 'INVALID' }],
  ['REQUEST Identity not a map', request({ Identity: 'header' })],
  ['TOKEN Identity not a map', { FunctionArn: LAMBDA, Identity: 'header' }],
  ['Identity.Headers not a list', request({ Identity: { Headers: 'X' } })],
  ['Identity.QueryStrings item not a string', request({ Identity: { QueryStrings: [1] } })],
  ['Identity.StageVariables not a list', request({ Identity: { StageVariables: { a: 1 } } })],
  ['Identity.Context item not a string', request({ Identity: { Context: [['c']] } })],
  ['REQUEST identity without a source, caching on', request({ Identity: { ReauthorizeEvery: 300 } })],
  ['AuthorizationScopes not a list', { UserPoolArn: 'arn:aws:cognito-idp:us-east-1:1:userpool/x', AuthorizationScopes: 'scope' }],
  ['DisableFunctionDefaultPermissions not a boolean', { FunctionArn: LAMBDA, DisableFunctionDefaultPermissions: 'yes' }],
];

const viaParameter: [string, string, Json][] = [
  ['FunctionPayloadType', 'FunctionPayloadType', 'INVALID'],
  ['Identity', 'Identity', 'header'],
  ['AuthorizationScopes', 'AuthorizationScopes', 'a,b'],
  ['DisableFunctionDefaultPermissions', 'DisableFunctionDefaultPermissions', 'true'],
];

function validationErrors(template: JsonObject): string[] {
  const result = transform(template, { region: 'us-east-1' });
  expect(result.fragment).toBeUndefined();
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  return errors.map((d) => d.code.split('/')[0]!);
}

describe('an authorizer SAM would refuse is refused by validation, before the lowering', () => {
  it.each(rows)('%s', (_name, authorizer) => {
    expect(validationErrors(templateWith(authorizer))).toEqual([expect.stringMatching(/^(schema|rules)$/)]);
  });

  it.each(viaParameter)('%s from a parameter (!Ref P)', (_name, key, value) => {
    expect(validationErrors(templateWith(request({ [key]: { Ref: 'P' } }), value))).toEqual([expect.stringMatching(/^(schema|rules)$/)]);
  });
});
