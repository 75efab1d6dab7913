import type { CodeInfo } from './info';

/** Codes of the schema check and of the rules beyond the schema (`sam-auth validate`). */
export const RULE_CODES = {
  'schema/invalid': {
    severity: 'error',
    summary: 'A property does not match the Auth schema.',
    example: 'Auth:\n  DefaultAuthorizer: 42',
    fix: 'Use the type and the values the message names.',
  },
} as const satisfies Record<string, CodeInfo>;
