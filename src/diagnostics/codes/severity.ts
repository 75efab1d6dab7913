import type { Severity } from '../types';
import { PARSE_CODES } from './parse';
import { LOWER_CODES } from './lower';
import { RULE_CODES } from './rules';
import { DIALECT_CODES } from './dialect';
import { LIMITS_CODES } from './limits';
import { POLICY_CODES } from './policy';

/**
 * The severity of every diagnostic code, by area: the small table the phases import (through `diagnostic()`).
 * The codes' documentation is in ./docs/, which only docs/diagnostics.md and SARIF read (./index.ts).
 */
export const SEVERITY = {
  ...PARSE_CODES,
  ...LOWER_CODES,
  ...RULE_CODES,
  ...DIALECT_CODES,
  ...LIMITS_CODES,
  ...POLICY_CODES,
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof SEVERITY;
