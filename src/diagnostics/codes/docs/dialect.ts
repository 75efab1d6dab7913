import type { CodeDocs } from '../info';
import type { DialectCode } from '../dialect';

/** What docs/diagnostics.md and SARIF rule metadata say about each code of ../dialect.ts (its severity is there). */
export const DIALECT_DOCS = {
  'dialect/ambiguous-type': {
    summary: 'The authorizer has no Type and its properties do not say which kind it is, or say two kinds at once.',
    example:
      'Authorizers:\n  MyAuth:\n    UserPool: arn:aws:cognito-idp:us-east-1:123456789012:userpool/x\n    FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f',
    fix: 'Write the Type the message suggests, and remove the properties that belong to the other kind.',
  },
  'dialect/invalid-type': {
    summary: 'Type is not one of COGNITO_USER_POOLS, LAMBDA_TOKEN, LAMBDA_REQUEST (or AWS_IAM on an AWS::Serverless::ApiAuthorizer).',
    example: 'Authorizers:\n  MyAuth:\n    Type: TOKEN\n    FunctionArn: !GetAtt AuthFn.Arn',
    fix: 'Use one of the listed values; for a Lambda authorizer TOKEN is spelled LAMBDA_TOKEN.',
  },
  'dialect/type-conflict': {
    summary: 'A property does not belong to an authorizer of the Type written.',
    example: 'Authorizers:\n  MyAuth:\n    Type: LAMBDA_TOKEN\n    FunctionArn: !GetAtt AuthFn.Arn\n    RequestQueryStrings: [token]',
    fix: 'Remove the property, or write the Type the message suggests.',
  },
  'dialect/missing-property': {
    summary: 'The authorizer lacks what its Type needs: a user pool for Cognito, a function for Lambda.',
    example: 'Authorizers:\n  MyAuth:\n    Type: LAMBDA_REQUEST\n    RequestHeaders: [X-Token]',
    fix: 'Add UserPool / UserPools (Cognito) or FunctionArn / Function / AuthorizerUri (Lambda).',
  },
  'dialect/mixed-spelling': {
    summary: "One authorizer mixes SAM's property names with the RFC's.",
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: !GetAtt AuthFn.Arn\n    Identity:\n      Header: X-Token\n    ReauthorizeEverySeconds: 60',
    fix: "Write the authorizer in one spelling; the message gives the other spelling's name for the property.",
  },
  'dialect/conflicting-properties': {
    summary: 'Two properties say the same thing (UserPool and UserPools, Function and FunctionArn, …).',
    example: 'Authorizers:\n  MyAuth:\n    Function: AuthFn\n    FunctionArn: !GetAtt AuthFn.Arn',
    fix: 'Keep one of the two.',
  },
  'dialect/caller-credentials': {
    summary: 'InvokeWithCredentials: CALLER_CREDENTIALS is not possible on an authorizer.',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: !GetAtt AuthFn.Arn\n    InvokeWithCredentials: CALLER_CREDENTIALS',
    fix: "Give a role API Gateway assumes to call the authorizer (its ARN or the logical id of an AWS::IAM::Role), or remove the property to use the function's resource policy.",
  },
  'dialect/unknown-role': {
    summary: 'InvokeWithCredentials is neither a role ARN nor the logical id of an AWS::IAM::Role in this template.',
    example: 'Authorizers:\n  MyAuth:\n    FunctionArn: !GetAtt AuthFn.Arn\n    InvokeWithCredentials: AuthInvokeRol',
    fix: 'Write the role ARN (arn:aws:iam::123456789012:role/Name), or the logical id of the role resource.',
  },
  'dialect/unknown-function': {
    summary: 'Function does not name an AWS::Serverless::Function or AWS::Lambda::Function of this template.',
    example: 'Authorizers:\n  MyAuth:\n    Function: AuthFnn',
    fix: 'Name the function by its logical id, or give the ARN of a function outside the template as FunctionArn.',
  },
  'dialect/authorizer-name': {
    summary: "An authorizer under Auth.Authorizers has a Name that differs from its key; SAM names it after its key.",
    example: 'Authorizers:\n  MyAuth:\n    Name: TheirAuth\n    FunctionArn: !GetAtt AuthFn.Arn',
    fix: 'Rename the key to the Name (and the references to it), or remove Name.',
  },
  'dialect/unknown-api-authorizer': {
    summary: 'Auth.Authorizers lists a name that is not an AWS::Serverless::ApiAuthorizer of this template.',
    example: 'Auth:\n  Authorizers: [SharedAuht]',
    fix: 'List the logical ids of AWS::Serverless::ApiAuthorizer resources, or define the authorizer inline as a map entry.',
  },
  'dialect/invalid-api-authorizer': {
    summary: 'An AWS::Serverless::ApiAuthorizer resource, or Globals.ApiAuthorizer, is not a map of properties.',
    example: 'SharedAuth:\n  Type: AWS::Serverless::ApiAuthorizer\n  Properties: arn:aws:lambda:us-east-1:123456789012:function:f',
    fix: 'Give Properties as a map: the authorizer in either spelling.',
  },
  'dialect/duplicate-authorizer': {
    summary: 'Two authorizers would take the same name in one API.',
    example: 'Auth:\n  Authorizers: [SharedAuth, SharedAuth]',
    fix: 'List each authorizer once, and give shared authorizers distinct Names.',
  },
  'dialect/iam-authorizer-listed': {
    summary: 'An AWS_IAM ApiAuthorizer is listed under Auth.Authorizers; IAM needs no authorizer entry.',
    example: 'Auth:\n  Authorizers: [IamAuth]',
    fix: 'Remove it from Authorizers; name it (or AWS_IAM) in DefaultAuthorizer or an event Authorizer.',
  },
  'dialect/implicit-api-shared-authorizer': {
    summary:
      'An event of the implicit API names an ApiAuthorizer, but the implicit API can only receive authorizers through Globals.Api.Auth, which would add it to every other API too.',
    example: 'Events:\n  Get:\n    Type: Api\n    Properties: { Path: /, Method: get, Auth: { Authorizer: SharedAuth } }',
    fix: 'Attach the event to an AWS::Serverless::Api with RestApiId, or name the authorizer in Globals.Api.Auth.DefaultAuthorizer if every API should have it.',
  },
  'dialect/api-authorizer-reference': {
    summary: 'Something Refs an AWS::Serverless::ApiAuthorizer; the resource is consumed by the macro and never reaches CloudFormation.',
    example: 'Outputs:\n  Auth:\n    Value: !Ref SharedAuth',
    fix: 'Name the authorizer (a plain string) in Auth.Authorizers, DefaultAuthorizer or an event Authorizer; nothing else can refer to it.',
  },
  'dialect/unused-api-authorizer': {
    summary: 'An AWS::Serverless::ApiAuthorizer is used by no API; it is dropped.',
    example: 'SharedAuth:\n  Type: AWS::Serverless::ApiAuthorizer\n  Properties:\n    UserPool: !GetAtt Pool.Arn',
    fix: "List it in an API's Auth.Authorizers, or name it in a DefaultAuthorizer or an event Authorizer; or delete it.",
  },
} as const satisfies Record<DialectCode, CodeDocs>;
