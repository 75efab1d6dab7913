import type { CodeDocs } from '../info';
import type { LowerCode } from '../lower';

/** What docs/diagnostics.md and SARIF rule metadata say about each code of ../lower.ts (its severity is there). */
export const LOWER_DOCS = {
  'sam/invalid-auth': {
    summary: 'An Auth block is not what SAM accepts.',
    example: 'Auth:\n  Authorizers: not-a-map',
    fix: 'Follow the message: it names the property and what SAM expects.',
  },
  'sam/invalid-api': {
    summary: 'A property of a REST API is not what SAM accepts.',
    example: 'MyApi:\n  Type: AWS::Serverless::Api\n  Properties:\n    StageName: Prod\n    Auth: {}\n    DefinitionUri: s3://bucket/api.yaml',
    fix: 'Follow the message: it names the property and what SAM expects.',
  },
  'sam/invalid-event': {
    summary: 'An Api event of a function or state machine is not what SAM accepts.',
    example: 'Events:\n  Get:\n    Type: Api\n    Properties:\n      Path: /\n      Method: get\n      Auth:\n        Authorizer: NotDefined',
    fix: "Name an authorizer defined in the API's Auth.Authorizers, or change the API so the event's Auth applies.",
  },
  'sam/invalid-definition': {
    summary: "The API's DefinitionBody (Swagger/OpenAPI) cannot take the auth SAM adds to it.",
    example: 'DefinitionBody:\n  swagger: "2.0"\n  paths:\n    /: not-a-map',
    fix: 'Fix the definition at the reported path: path items, methods, security and securityDefinitions must be maps or lists as Swagger says.',
  },
  'sam/invalid-intrinsic': {
    summary: 'A template parameter SAM inlines (in an API\'s Auth, Domain or BinaryMediaTypes) does not fit where it is used.',
    example: 'Parameters:\n  Ips:\n    Type: CommaDelimitedList\n    Default: [10.0.0.1]\n...\n      Auth:\n        ResourcePolicy:\n          IpRangeWhitelist:\n            - !Sub ${Ips}',
    fix: 'Fn::Sub can only put strings into a string: use !Ref for a list parameter, or Fn::Join to make one string of it.',
  },
  'sam/unsupported-property': {
    summary: 'An API with auth has a property SAM does not define, or one the lowering cannot apply (DefinitionUri with event Auth).',
    example: 'MyApi:\n  Type: AWS::Serverless::Api\n  Properties:\n    StageName: Prod\n    Stagename: Prod\n    Auth: { DefaultAuthorizer: AWS_IAM }',
    fix: 'Fix the property name (the message suggests one), or inline the definition as DefinitionBody.',
  },
} as const satisfies Record<LowerCode, CodeDocs>;
