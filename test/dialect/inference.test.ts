import type { JsonObject } from '../../src/model/json';
import { desugar } from '../../src/normalize/dialect/index';
import { inferType } from '../../src/normalize/dialect/infer-type';

const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';
const FN = { 'Fn::GetAtt': ['AuthFn', 'Arn'] };

describe('inferType: the RFC rule', () => {
  it.each<[string, JsonObject, string]>([
    ['UserPool', { UserPool: POOL }, 'COGNITO_USER_POOLS'],
    ['UserPools', { UserPools: [POOL] }, 'COGNITO_USER_POOLS'],
    ['UserPool with RequestHeader', { UserPool: POOL, RequestHeader: 'X' }, 'COGNITO_USER_POOLS'],
    ['FunctionArn', { FunctionArn: FN }, 'LAMBDA_TOKEN'],
    ['Function', { Function: 'AuthFn' }, 'LAMBDA_TOKEN'],
    ['AuthorizerUri', { AuthorizerUri: 'arn:aws:apigateway:…' }, 'LAMBDA_TOKEN'],
    ['FunctionArn with RequestHeader', { FunctionArn: FN, RequestHeader: 'X' }, 'LAMBDA_TOKEN'],
    ['FunctionArn with RequestHeaders', { FunctionArn: FN, RequestHeaders: ['X'] }, 'LAMBDA_REQUEST'],
    ['FunctionArn with RequestQueryStrings', { FunctionArn: FN, RequestQueryStrings: ['q'] }, 'LAMBDA_REQUEST'],
    ['FunctionArn with RequestStageVariables', { FunctionArn: FN, RequestStageVariables: ['s'] }, 'LAMBDA_REQUEST'],
    ['FunctionArn with RequestContext', { FunctionArn: FN, RequestContext: ['c'] }, 'LAMBDA_REQUEST'],
    ['Function with RequestContext', { Function: 'AuthFn', RequestContext: ['c'] }, 'LAMBDA_REQUEST'],
    ['explicit LAMBDA_REQUEST without lists', { Type: 'LAMBDA_REQUEST', FunctionArn: FN }, 'LAMBDA_REQUEST'],
    ['explicit LAMBDA_TOKEN', { Type: 'LAMBDA_TOKEN', FunctionArn: FN, RequestHeader: 'X' }, 'LAMBDA_TOKEN'],
    ['explicit COGNITO_USER_POOLS', { Type: 'COGNITO_USER_POOLS', UserPool: POOL }, 'COGNITO_USER_POOLS'],
  ])('%s → %s', (_name, props, type) => {
    expect(inferType(props, false)).toEqual({ ok: true, type });
  });

  it('accepts AWS_IAM only where allowed (ApiAuthorizer resources)', () => {
    expect(inferType({ Type: 'AWS_IAM' }, true)).toEqual({ ok: true, type: 'AWS_IAM' });
    expect(inferType({ Type: 'AWS_IAM' }, false)).toMatchObject({ ok: false, code: 'dialect/invalid-type', key: 'Type' });
    expect(inferType({ Type: 'AWS_IAM', UserPool: POOL }, true)).toMatchObject({ ok: false, code: 'dialect/type-conflict', key: 'UserPool' });
  });
});

/**
 * Errors of one inline authorizer, located: `at` is the path below the authorizer (empty: the authorizer itself),
 * `says` what the message must contain (the Type to write, the names involved).
 */
const ERRORS: [string, JsonObject, string, string, RegExp[]][] = [
  ['Cognito and Lambda at once', { UserPool: POOL, FunctionArn: FN }, 'dialect/ambiguous-type', '/FunctionArn', [/Type: COGNITO_USER_POOLS/, /Type: LAMBDA_TOKEN/]],
  ['Cognito with a Request list', { UserPool: POOL, RequestHeaders: ['X'] }, 'dialect/ambiguous-type', '/RequestHeaders', [/Type: COGNITO_USER_POOLS/, /RequestHeader\b/]],
  ['Cognito with InvokeWithCredentials', { UserPools: [POOL], InvokeWithCredentials: 'arn:aws:iam::1:role/r' }, 'dialect/ambiguous-type', '/InvokeWithCredentials', [/Type: COGNITO_USER_POOLS/]],
  ['RequestHeader and a Request list', { FunctionArn: FN, RequestHeader: 'A', RequestQueryStrings: ['q'] }, 'dialect/ambiguous-type', '/RequestHeader', [/Type: LAMBDA_REQUEST/, /Type: LAMBDA_TOKEN/]],
  ['nothing to infer from', { ReauthorizeEverySeconds: 0 }, 'dialect/ambiguous-type', '', [/UserPool/, /FunctionArn/]],
  ['a Request list without a function', { RequestHeaders: ['X'] }, 'dialect/missing-property', '', [/FunctionArn, Function or AuthorizerUri/]],
  ['Type TOKEN', { Type: 'TOKEN', FunctionArn: FN }, 'dialect/invalid-type', '/Type', [/LAMBDA_TOKEN/]],
  ['Type AWS_IAM inline', { Type: 'AWS_IAM' }, 'dialect/invalid-type', '/Type', [/DefaultAuthorizer/]],
  ['Type a map', { Type: { Ref: 'T' }, FunctionArn: FN }, 'dialect/invalid-type', '/Type', [/COGNITO_USER_POOLS, LAMBDA_TOKEN or LAMBDA_REQUEST/]],
  ['COGNITO with FunctionArn', { Type: 'COGNITO_USER_POOLS', UserPool: POOL, FunctionArn: FN }, 'dialect/type-conflict', '/FunctionArn', [/Type: LAMBDA_TOKEN/]],
  ['COGNITO with RequestQueryStrings', { Type: 'COGNITO_USER_POOLS', UserPool: POOL, RequestQueryStrings: ['q'] }, 'dialect/type-conflict', '/RequestQueryStrings', [/Type: LAMBDA_REQUEST/]],
  ['COGNITO without a pool', { Type: 'COGNITO_USER_POOLS' }, 'dialect/missing-property', '', [/UserPool or UserPools/]],
  ['LAMBDA_TOKEN with UserPool', { Type: 'LAMBDA_TOKEN', FunctionArn: FN, UserPool: POOL }, 'dialect/type-conflict', '/UserPool', [/Type: COGNITO_USER_POOLS/]],
  ['LAMBDA_TOKEN with RequestHeaders', { Type: 'LAMBDA_TOKEN', FunctionArn: FN, RequestHeaders: ['X'] }, 'dialect/type-conflict', '/RequestHeaders', [/Type: LAMBDA_REQUEST/]],
  ['LAMBDA_REQUEST with RequestHeader', { Type: 'LAMBDA_REQUEST', FunctionArn: FN, RequestHeader: 'X' }, 'dialect/type-conflict', '/RequestHeader', [/RequestHeaders/, /Type: LAMBDA_TOKEN/]],
  ['LAMBDA_REQUEST without a function', { Type: 'LAMBDA_REQUEST', RequestHeaders: ['X'] }, 'dialect/missing-property', '', [/FunctionArn/]],
  ['Identity beside RequestHeader', { FunctionArn: FN, Identity: { Header: 'A' }, RequestHeader: 'B' }, 'dialect/mixed-spelling', '/RequestHeader', [/Identity/, /RequestHeader is Identity\.Header/]],
  ['UserPoolArn beside UserPool', { UserPoolArn: POOL, UserPool: POOL }, 'dialect/mixed-spelling', '/UserPool', [/UserPoolArn/, /UserPool is UserPoolArn/]],
  ['FunctionPayloadType beside RequestHeaders', { FunctionArn: FN, FunctionPayloadType: 'REQUEST', RequestHeaders: ['X'] }, 'dialect/mixed-spelling', '/RequestHeaders', [/FunctionPayloadType/, /Identity\.Headers/]],
  ['FunctionInvokeRole beside ReauthorizeEverySeconds', { FunctionArn: FN, FunctionInvokeRole: 'arn:aws:iam::1:role/r', ReauthorizeEverySeconds: 5 }, 'dialect/mixed-spelling', '/ReauthorizeEverySeconds', [/FunctionInvokeRole/, /Identity\.ReauthorizeEvery/]],
  ['Type beside Identity', { Type: 'LAMBDA_REQUEST', FunctionArn: FN, Identity: { Headers: ['X'] } }, 'dialect/mixed-spelling', '/Type', [/Identity/, /Type/]],
  ['Function and FunctionArn', { Function: 'AuthFn', FunctionArn: FN }, 'dialect/conflicting-properties', '/FunctionArn', [/Function and FunctionArn/]],
  ['UserPool and UserPools', { UserPools: [POOL], UserPool: POOL }, 'dialect/conflicting-properties', '/UserPool', [/UserPool and UserPools/]],
  ['AuthorizerUri and FunctionArn', { FunctionArn: FN, AuthorizerUri: 'arn:aws:apigateway:x' }, 'dialect/conflicting-properties', '/AuthorizerUri', [/AuthorizerUri and FunctionArn/]],
  ['two validation expressions', { FunctionArn: FN, RequestHeaderValidationExpression: 'a', IdentityValidationExpression: 'b' }, 'dialect/conflicting-properties', '/IdentityValidationExpression', []],
  ['Function naming nothing', { Function: 'NoSuchFn' }, 'dialect/unknown-function', '/Function', [/NoSuchFn/, /no resource/]],
  ['Function naming a bucket', { Function: 'Bucket', RequestHeader: 'X' }, 'dialect/unknown-function', '/Function', [/AWS::S3::Bucket/]],
  ['Function as an intrinsic', { Function: { Ref: 'AuthFn' } }, 'dialect/unknown-function', '/Function', [/plain logical id/]],
  ['CALLER_CREDENTIALS', { FunctionArn: FN, InvokeWithCredentials: 'CALLER_CREDENTIALS' }, 'dialect/caller-credentials', '/InvokeWithCredentials', [/CALLER_CREDENTIALS/]],
  ['a role that is not there', { FunctionArn: FN, InvokeWithCredentials: 'NoSuchRole' }, 'dialect/unknown-role', '/InvokeWithCredentials', [/NoSuchRole/]],
  ['a role id that is not a role', { FunctionArn: FN, InvokeWithCredentials: 'Bucket' }, 'dialect/unknown-role', '/InvokeWithCredentials', [/AWS::IAM::Role/]],
  ['a Name unlike the key', { Name: 'Other', FunctionArn: FN }, 'dialect/authorizer-name', '/Name', [/rename the key/]],
  ['an error inside the RFC Properties wrapper', { Properties: { UserPool: POOL, FunctionArn: FN } }, 'dialect/ambiguous-type', '/Properties/FunctionArn', [/COGNITO_USER_POOLS/]],
];

function templateWith(authorizer: JsonObject): JsonObject {
  return {
    Resources: {
      MyApi: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'Prod', Auth: { Authorizers: { A: authorizer } } } },
      AuthFn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: 's3://b/k' } },
      Role: { Type: 'AWS::IAM::Role', Properties: {} },
      Bucket: { Type: 'AWS::S3::Bucket' },
    },
  };
}

describe('inline authorizer errors, located', () => {
  it.each(ERRORS)('%s', (_name, authorizer, code, at, says) => {
    const { diagnostics } = desugar(templateWith(authorizer));
    expect(diagnostics.map((d) => [d.code, d.severity, d.path, d.resource])).toEqual([
      [code, 'error', `/Resources/MyApi/Properties/Auth/Authorizers/A${at}`, 'MyApi'],
    ]);
    expect(diagnostics[0].message).toMatch(/^Authorizer A /);
    for (const pattern of says) expect(diagnostics[0].message).toMatch(pattern);
  });

  it('accepts a role logical id and a role ARN for InvokeWithCredentials', () => {
    for (const role of ['Role', 'arn:aws:iam::123456789012:role/r', { 'Fn::GetAtt': ['Role', 'Arn'] }]) {
      const { diagnostics, template } = desugar(templateWith({ FunctionArn: FN, InvokeWithCredentials: role }));
      expect(diagnostics).toEqual([]);
      const auth = (((template.Resources as JsonObject).MyApi as JsonObject).Properties as JsonObject).Auth as JsonObject;
      expect((auth.Authorizers as JsonObject).A).toEqual({
        FunctionArn: FN,
        FunctionPayloadType: 'TOKEN',
        FunctionInvokeRole: role === 'Role' ? { 'Fn::GetAtt': ['Role', 'Arn'] } : role,
      });
    }
  });

  it('keeps properties neither spelling knows, so SAM-side checks still see them', () => {
    const { diagnostics, template } = desugar(templateWith({ FunctionArn: FN, RequestHeadr: 'typo', RequestHeader: 'X' }));
    expect(diagnostics).toEqual([]);
    const auth = (((template.Resources as JsonObject).MyApi as JsonObject).Properties as JsonObject).Auth as JsonObject;
    expect((auth.Authorizers as JsonObject).A).toEqual({ FunctionArn: FN, FunctionPayloadType: 'TOKEN', Identity: { Header: 'X' }, RequestHeadr: 'typo' });
  });
});
