import type { Severity } from '../types';

/**
 * Codes raised while lowering a REST API: the errors SAM itself would raise, located.
 * Severities only: the summary, example and fix of each code are in ./docs/lower.ts.
 */
export const LOWER_CODES = {
  'sam/invalid-auth': 'error',
  'sam/invalid-api': 'error',
  'sam/invalid-event': 'error',
  'sam/invalid-definition': 'error',
  'sam/invalid-intrinsic': 'error',
  'sam/unsupported-property': 'error',
} as const satisfies Record<string, Severity>;

export type LowerCode = keyof typeof LOWER_CODES;
