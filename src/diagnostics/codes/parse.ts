import type { CodeInfo } from './info';

/** Codes for reading a template: bytes, YAML/JSON syntax, CloudFormation tags, template shape. */
export const PARSE_CODES = {
  'parse/syntax': {
    severity: 'error',
    summary: 'The file is not valid YAML or JSON.',
    example: 'Resources:\n  MyApi: [unclosed',
    fix: 'Fix the syntax at the reported line and column.',
  },
} as const satisfies Record<string, CodeInfo>;
