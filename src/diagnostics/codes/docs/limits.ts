import type { CodeDocs } from '../info';
import type { LimitsCode } from '../limits';

/** What docs/diagnostics.md and SARIF rule metadata say about each code of ../limits.ts (its severity is there). */
export const LIMITS_DOCS = {
  'limits/template-too-large': {
    summary: 'The processed template is larger than CloudFormation accepts (1 MB, even from S3).',
    example: 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    # thousands of routes, each with its own Auth, in one stack',
    fix: 'Split the stack: move some APIs or functions into nested stacks (AWS::Serverless::Application or AWS::CloudFormation::Stack).',
  },
  'limits/template-over-inline-limit': {
    summary: 'The processed template is larger than 51,200 bytes: it deploys only from S3, not as an inline template body.',
    example: 'Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    # a few hundred routes',
    fix: 'Deploy through S3: `sam deploy` does so already; with `aws cloudformation deploy` pass `--s3-bucket`.',
  },
  'limits/too-many-resources': {
    summary: 'The processed template declares more resources than CloudFormation allows in one stack (500).',
    example: 'Resources:\n  # 501 or more resources after the transform',
    fix: 'Split the stack into nested stacks, or share functions between routes.',
  },
} as const satisfies Record<LimitsCode, CodeDocs>;
