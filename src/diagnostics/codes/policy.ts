import type { Severity } from '../types';
import { ERROR } from './levels';

/**
 * Codes raised by the three self-contained lowering parts: resource policies (src/emit/resource-policy.ts),
 * usage plans (src/emit/usage-plan.ts) and custom domains (src/emit/domain.ts). Each mirrors an error SAM
 * raises for the same input; the message carries SAM's wording.
 * Severities only: the summary, example and fix of each code are in ./docs/policy.ts.
 */
export const POLICY_CODES = {
  'sam/invalid-resource-policy': ERROR,
  'sam/invalid-usage-plan': ERROR,
  'sam/invalid-domain': ERROR,
} as const satisfies Record<string, Severity>;

export type PolicyCode = keyof typeof POLICY_CODES;
