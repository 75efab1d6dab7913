import type { CodeInfo } from './info';
import { PARSE_CODES } from './parse';
import { LOWER_CODES } from './lower';
import { RULE_CODES } from './rules';
import { DIALECT_CODES } from './dialect';
import { LIMITS_CODES } from './limits';
import { POLICY_CODES } from './policy';

export type { CodeInfo } from './info';

/** Every diagnostic code, by area. One table per area file; this is their union. */
export const CODES = {
  ...PARSE_CODES,
  ...LOWER_CODES,
  ...RULE_CODES,
  ...DIALECT_CODES,
  ...LIMITS_CODES,
  ...POLICY_CODES,
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;
