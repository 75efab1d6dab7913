import type { CodeInfo } from './info';

/** Codes of the RFC dialect: type inference, mixed spellings, AWS::Serverless::ApiAuthorizer. */
export const DIALECT_CODES = {
  'dialect/ambiguous-type': {
    severity: 'error',
    summary: 'The authorizer type cannot be inferred from its properties.',
    example: 'Authorizers:\n  MyAuth:\n    UserPool: arn:aws:cognito-idp:us-east-1:123456789012:userpool/x\n    FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f',
    fix: 'Write the Type the message suggests, or remove the properties of the other kind.',
  },
} as const satisfies Record<string, CodeInfo>;
