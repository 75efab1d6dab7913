import type { CodeInfo } from './info';

/** Codes raised while lowering a REST API: the errors SAM itself would raise, located. */
export const LOWER_CODES = {
  'sam/invalid-auth': {
    severity: 'error',
    summary: 'An Auth block is not what SAM accepts.',
    example: 'Auth:\n  Authorizers: not-a-map',
    fix: 'Follow the message: it names the property and what SAM expects.',
  },
} as const satisfies Record<string, CodeInfo>;
