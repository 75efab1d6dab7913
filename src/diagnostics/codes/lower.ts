import type { Severity } from '../types';
import { ERROR } from './levels';

/**
 * Codes raised while lowering a REST API: the errors SAM itself would raise, located.
 * Severities only: the summary, example and fix of each code are in ./docs/lower.ts.
 */
export const LOWER_CODES = {
  'sam/invalid-auth': ERROR,
  'sam/invalid-api': ERROR,
  'sam/invalid-event': ERROR,
  'sam/invalid-definition': ERROR,
  'sam/invalid-intrinsic': ERROR,
  'sam/unsupported-property': ERROR,
} as const satisfies Record<string, Severity>;

export type LowerCode = keyof typeof LOWER_CODES;
