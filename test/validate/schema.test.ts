import { checkSchema } from '../../src/validate/schema/check';
import { closest } from '../../src/validate/schema/translate';
import { parseYaml } from './helpers';

const api = (auth: string) =>
  parseYaml(`Resources:\n  MyApi:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Auth:\n${auth.split('\n').map((l) => '        ' + l).join('\n')}\n`);
const A = '/Resources/MyApi/Properties/Auth';

/** Each row: an Auth block, and the exact `severity code path: message` lines the schema check gives. */
const INVALID: [string, string, string[]][] = [
  ['intrinsic in DefaultAuthorizer', 'DefaultAuthorizer: !Ref MyAuth', [
    `error schema/wrong-type ${A}/DefaultAuthorizer: \`Auth.DefaultAuthorizer\` must be the name of an authorizer in Authorizers, AWS_IAM or NONE (a plain string: SAM resolves no intrinsic function here); found the intrinsic function !Ref.`,
  ]],
  ['unknown Auth property, with a suggestion', 'DefaultAuthoriser: A', [
    `error schema/unknown-property ${A}/DefaultAuthoriser: Unknown property \`DefaultAuthoriser\` in Auth. Did you mean \`DefaultAuthorizer\`?`,
  ]],
  ['misspelt authorizer property is a warning (SAM ignores it)', 'Authorizers:\n  A:\n    FunctionArn: x\n    FunctionPayLoadType: REQUEST', [
    `warning schema/ignored-property ${A}/Authorizers/A/FunctionPayLoadType: SAM ignores unknown property \`FunctionPayLoadType\` in an authorizer. Did you mean \`FunctionPayloadType\`?`,
  ]],
  ['enum', 'Authorizers:\n  A:\n    FunctionArn: x\n    FunctionPayloadType: HEADER', [
    `error schema/invalid-value ${A}/Authorizers/A/FunctionPayloadType: \`Auth.Authorizers.A.FunctionPayloadType\` must be TOKEN or REQUEST; found "HEADER".`,
  ]],
  ['TTL above the limit', 'Authorizers:\n  A:\n    FunctionArn: x\n    Identity:\n      ReauthorizeEvery: 7200', [
    `error schema/invalid-value ${A}/Authorizers/A/Identity/ReauthorizeEvery: \`Auth.Authorizers.A.Identity.ReauthorizeEvery\` must be a number of seconds from 0 to 3600, or an intrinsic function; found 7200.`,
  ]],
  ['list item of the wrong type', 'Authorizers:\n  A:\n    FunctionArn: x\n    FunctionPayloadType: REQUEST\n    Identity:\n      Headers: [ok, {Key: v}]', [
    `error schema/wrong-type ${A}/Authorizers/A/Identity/Headers/1: \`Auth.Authorizers.A.Identity.Headers[1]\` must be a plain string; found a map (Key).`,
  ]],
  ['Authorizers written as a list of maps', 'Authorizers:\n  - A:\n    FunctionArn: x', [
    `error schema/wrong-type ${A}/Authorizers/0: \`Auth.Authorizers\` must be a map of authorizers by name (write them without the leading "- "; a list may only name AWS::Serverless::ApiAuthorizer resources); found a list whose item [0] is a map (A, FunctionArn).`,
  ]],
  ['a list of ApiAuthorizer ids with an empty name', 'Authorizers: [""]', [
    `error schema/invalid-value ${A}/Authorizers/0: \`Auth.Authorizers[0]\` must be the logical id (or !Ref) of an AWS::Serverless::ApiAuthorizer (a map of authorizers is written without the leading "- "); found "".`,
  ]],
  ['SourceVpcBlacklist with an intrinsic (SAM: use IntrinsicVpcBlacklist)', 'ResourcePolicy:\n  SourceVpcBlacklist: [vpc-1, !Sub "${Vpc}"]', [
    `error schema/wrong-type ${A}/ResourcePolicy/SourceVpcBlacklist/1: \`Auth.ResourcePolicy.SourceVpcBlacklist\` must be a list of strings (for values that use intrinsic functions, use IntrinsicVpcBlacklist instead); found a list whose item [1] is the intrinsic function !Sub.`,
  ]],
  ['SourceVpcWhitelist not a list', 'ResourcePolicy:\n  SourceVpcWhitelist: vpc-1', [
    `error schema/wrong-type ${A}/ResourcePolicy/SourceVpcWhitelist: \`Auth.ResourcePolicy.SourceVpcWhitelist\` must be a list of strings (use IntrinsicVpcWhitelist for values that use intrinsic functions); found "vpc-1".`,
  ]],
  ['a misspelt required property: the unknown key with its guess, not the guess as missing too', 'UsagePlan:\n  CreateUP: NONE', [
    `error schema/unknown-property ${A}/UsagePlan/CreateUP: Unknown property \`CreateUP\` in UsagePlan. Did you mean \`CreateUsagePlan\`?`,
  ]],
  ['an unknown key that guesses no missing property: both, the unknown first', 'UsagePlan:\n  Quota: {Limit: 1, Period: DAY}\n  Bogus: 1', [
    `error schema/unknown-property ${A}/UsagePlan/Bogus: Unknown property \`Bogus\` in UsagePlan. Known properties: CreateUsagePlan, Description, Quota, Tags, Throttle, UsagePlanName.`,
    `error schema/missing-property ${A}/UsagePlan: \`Auth.UsagePlan\` needs \`CreateUsagePlan\`.`,
  ]],
  ['RFC InvokeWithCredentials refuses CALLER_CREDENTIALS', 'Authorizers:\n  A:\n    FunctionArn: x\n    InvokeWithCredentials: CALLER_CREDENTIALS', [
    `error schema/invalid-value ${A}/Authorizers/A/InvokeWithCredentials: \`Auth.Authorizers.A.InvokeWithCredentials\` must be a role ARN or a role's logical id (CALLER_CREDENTIALS is not allowed on an authorizer); found "CALLER_CREDENTIALS".`,
  ]],
  ['UsagePlan needs CreateUsagePlan', 'UsagePlan:\n  Description: d', [
    `error schema/missing-property ${A}/UsagePlan: \`Auth.UsagePlan\` needs \`CreateUsagePlan\`.`,
  ]],
];

const VALID: [string, string][] = [
  ['SAM Lambda TOKEN authorizer', 'DefaultAuthorizer: A\nAuthorizers:\n  A:\n    FunctionArn: !GetAtt Fn.Arn\n    FunctionInvokeRole: !GetAtt Role.Arn\n    Identity:\n      Header: X-Token\n      ValidationExpression: "^Bearer"\n      ReauthorizeEvery: !If [IsProd, 3600, 0]'],
  ['SAM Cognito with a list of pools and scopes', 'Authorizers:\n  C:\n    UserPoolArn: [arn:aws:cognito-idp:us-east-1:1:userpool/a, !GetAtt Pool.Arn]\n    AuthorizationScopes: [email]'],
  ['RFC spelling, every property', 'Authorizers:\n  R:\n    Type: LAMBDA_REQUEST\n    Name: r\n    FunctionArn: !GetAtt Fn.Arn\n    RequestHeaders: [A]\n    RequestQueryStrings: [q]\n    RequestStageVariables: [s]\n    RequestContext: [c]\n    InvokeWithCredentials: MyRole\n    ReauthorizeEverySeconds: 0\n  T:\n    UserPools: [!GetAtt Pool.Arn]\n    RequestHeader: Authorization\n    RequestHeaderValidationExpression: x\n  F:\n    Function: AuthFn\n  U:\n    AuthorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations'],
  ['a list of ApiAuthorizer ids', 'Authorizers: [SharedAuth, !Ref Other]\nDefaultAuthorizer: SharedAuth'],
  ['the RFC nesting under Properties, and an entry that is !Ref of an ApiAuthorizer', 'Authorizers:\n  Nested:\n    Properties:\n      UserPool: !GetAtt Pool.Arn\n  Shared: !Ref SharedAuth'],
  ['InvokeRole null and intrinsic', 'InvokeRole: !Sub arn:${AWS::Partition}:iam::1:role/r'],
  ['SourceVpc lists of strings, or !Ref (SAM resolves parameters there)', 'ResourcePolicy:\n  SourceVpcBlacklist: [vpc-1, !Ref VpcParam]\n  SourceVpcWhitelist: [vpce-1]'],
];

describe('schema check: translated diagnostics', () => {
  it.each(INVALID)('%s', (_name, auth, expected) => {
    const got = checkSchema(api(auth)).map((d) => `${d.severity} ${d.code} ${d.path}: ${d.message}`);
    expect(got).toEqual(expected);
  });
  it.each(VALID)('valid: %s', (_name, auth) => {
    expect(checkSchema(api(auth))).toEqual([]);
  });

  it('no ajv wording reaches a message', () => {
    const all = INVALID.flatMap(([, auth]) => checkSchema(api(auth)));
    for (const d of all) expect(d.message).not.toMatch(/must NOT have|must match a schema|must be equal to one of|additional properties/);
  });

  it('checks event Auth, Globals and ApiAuthorizer resources, with the resource named', () => {
    const template = parseYaml(`Globals:
  Api:
    Auth:
      Bad: 1
  ApiAuthorizer:
    ReauthorizeEverySeconds: "often"
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get:
          Type: Api
          Properties:
            Path: /
            Method: get
            Auth:
              Authorizer: [A]
  Shared:
    Type: AWS::Serverless::ApiAuthorizer
    Properties:
      UserPool: 42
`);
    expect(checkSchema(template).map((d) => `${d.code} ${d.path} ${d.resource ?? '-'}`)).toEqual([
      'schema/unknown-property /Globals/Api/Auth/Bad -',
      'schema/wrong-type /Globals/ApiAuthorizer/ReauthorizeEverySeconds -',
      // the APIs' and shared authorizers' own Auth before the events that use them
      'schema/wrong-type /Resources/Shared/Properties/UserPool Shared',
      'schema/wrong-type /Resources/Fn/Properties/Events/Get/Properties/Auth/Authorizer Fn',
    ]);
  });

  it('DefaultAuthorizer and event Authorizer may !Ref an AWS::Serverless::ApiAuthorizer, nothing else', () => {
    const template = parseYaml(`Resources:
  Shared:
    Type: AWS::Serverless::ApiAuthorizer
    Properties:
      FunctionArn: !GetAtt Fn.Arn
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        A:
          Type: Api
          Properties:
            Path: /
            Method: get
            Auth:
              Authorizer: !Ref Shared
        B:
          Type: Api
          Properties:
            Path: /b
            Method: get
            Auth:
              Authorizer: !Ref Fn
`);
    expect(checkSchema(template).map((d) => `${d.code} ${d.path}`)).toEqual(['schema/wrong-type /Resources/Fn/Properties/Events/B/Properties/Auth/Authorizer']);
  });

  it('suggests the nearest property name only when it is close', () => {
    expect(closest('Headr', ['Header', 'Headers'])).toBe('Header');
    expect(closest('Completely', ['Header', 'Headers'])).toBeUndefined();
  });
});
