import type { Severity } from '../types';
import { ERROR, WARNING, INFO } from './levels';

/**
 * Codes of the schema check and of the rules beyond the schema (`sam-auth validate`).
 * Severities only: the summary, example and fix of each code are in ./docs/rules.ts.
 */
export const RULE_CODES = {
  // ── the schema check (schema/sam-auth.schema.json, run as standalone validators) ──
  'schema/invalid': ERROR,
  'schema/unknown-property': ERROR,
  'schema/ignored-property': WARNING,
  'schema/wrong-type': ERROR,
  'schema/invalid-value': ERROR,
  'schema/missing-property': ERROR,

  // ── rules over the normalized model ──
  'rules/unknown-authorizer': ERROR,
  'rules/unused-authorizer': WARNING,
  'rules/ttl-out-of-range': ERROR,
  'rules/request-identity-missing': ERROR,
  'rules/validation-expression-ignored': WARNING,
  'rules/scopes-without-cognito': WARNING,
  'rules/scopes-without-authorizer': ERROR,
  'rules/reference-missing': ERROR,
  'rules/arn-wrong-service': ERROR,
  'rules/arn-malformed': WARNING,
  'rules/duplicate-authorizer': ERROR,
  'rules/forbidden-header': ERROR,
  'rules/route-without-auth': INFO,
  'rules/cors-preflight-authorized': WARNING,
  'rules/cors-gateway-responses': WARNING,
  'rules/too-many-authorizers': ERROR,
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_CODES;
