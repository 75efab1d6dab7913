import type { Severity } from '../types';
import { ERROR, INFO } from './levels';

/**
 * Codes for CloudFormation's own quotas on the processed template: raised after emit, so a template that
 * CloudFormation would refuse fails here, with the size and the overshoot, instead of at deploy time.
 * Severities only: the summary, example and fix of each code are in ./docs/limits.ts.
 */
export const LIMITS_CODES = {
  'limits/template-too-large': ERROR,
  'limits/template-over-inline-limit': INFO,
  'limits/too-many-resources': ERROR,
} as const satisfies Record<string, Severity>;

export type LimitsCode = keyof typeof LIMITS_CODES;
