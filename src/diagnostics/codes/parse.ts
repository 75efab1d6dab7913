import type { Severity } from '../types';

/**
 * Codes for reading a template: bytes, YAML/JSON syntax, CloudFormation tags, template shape.
 * Severities only: the summary, example and fix of each code are in ./docs/parse.ts.
 */
export const PARSE_CODES = {
  'parse/empty': 'error',
  'parse/encoding': 'error',
  'parse/too-large': 'error',
  'parse/syntax': 'error',
  'parse/duplicate-key': 'error',
  'parse/complex-key': 'error',
  'parse/alias': 'error',
  'parse/alias-limit': 'error',
  'parse/too-deep': 'error',
  'parse/unsupported-value': 'error',
  'parse/unknown-tag': 'warning',
  'template/not-a-mapping': 'error',
  'template/no-resources': 'error',
  'template/resources-not-a-mapping': 'error',
} as const satisfies Record<string, Severity>;

export type ParseCode = keyof typeof PARSE_CODES;
