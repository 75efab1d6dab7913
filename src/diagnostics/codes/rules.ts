import type { Severity } from '../types';

/**
 * Codes of the schema check and of the rules beyond the schema (`sam-auth validate`).
 * Severities only: the summary, example and fix of each code are in ./docs/rules.ts.
 */
export const RULE_CODES = {
  // ── the schema check (schema/sam-auth.schema.json, run as standalone validators) ──
  'schema/invalid': 'error',
  'schema/unknown-property': 'error',
  'schema/ignored-property': 'warning',
  'schema/wrong-type': 'error',
  'schema/invalid-value': 'error',
  'schema/missing-property': 'error',

  // ── rules over the normalized model ──
  'rules/unknown-authorizer': 'error',
  'rules/unused-authorizer': 'warning',
  'rules/ttl-out-of-range': 'error',
  'rules/request-identity-missing': 'error',
  'rules/validation-expression-ignored': 'warning',
  'rules/scopes-without-cognito': 'warning',
  'rules/scopes-without-authorizer': 'error',
  'rules/reference-missing': 'error',
  'rules/arn-wrong-service': 'error',
  'rules/arn-malformed': 'warning',
  'rules/duplicate-authorizer': 'error',
  'rules/forbidden-header': 'error',
  'rules/route-without-auth': 'info',
  'rules/cors-preflight-authorized': 'warning',
  'rules/cors-gateway-responses': 'warning',
  'rules/too-many-authorizers': 'error',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_CODES;
