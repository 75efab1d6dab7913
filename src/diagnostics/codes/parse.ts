import type { Severity } from '../types';
import { ERROR, WARNING } from './levels';

/**
 * Codes for reading a template: bytes, YAML/JSON syntax, CloudFormation tags, template shape.
 * Severities only: the summary, example and fix of each code are in ./docs/parse.ts.
 */
export const PARSE_CODES = {
  'parse/empty': ERROR,
  'parse/encoding': ERROR,
  'parse/too-large': ERROR,
  'parse/syntax': ERROR,
  'parse/duplicate-key': ERROR,
  'parse/complex-key': ERROR,
  'parse/alias': ERROR,
  'parse/alias-limit': ERROR,
  'parse/too-deep': ERROR,
  'parse/unsupported-value': ERROR,
  'parse/unknown-tag': WARNING,
  'template/not-a-mapping': ERROR,
  'template/no-resources': ERROR,
  'template/resources-not-a-mapping': ERROR,
} as const satisfies Record<string, Severity>;

export type ParseCode = keyof typeof PARSE_CODES;
