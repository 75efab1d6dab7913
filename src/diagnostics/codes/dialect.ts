import type { Severity } from '../types';
import { ERROR, WARNING } from './levels';

/**
 * Codes of the concise dialect (docs/dialect.md): the RFC's authorizer spelling with its inferred `Type`,
 * `AWS::Serverless::ApiAuthorizer` resources and `Globals.ApiAuthorizer`, and Chalice's `Function` /
 * `AuthorizerUri`. Raised by src/normalize/dialect before SAM's own rules run.
 * Severities only: the summary, example and fix of each code are in ./docs/dialect.ts.
 */
export const DIALECT_CODES = {
  'dialect/ambiguous-type': ERROR,
  'dialect/invalid-type': ERROR,
  'dialect/type-conflict': ERROR,
  'dialect/missing-property': ERROR,
  'dialect/mixed-spelling': ERROR,
  'dialect/conflicting-properties': ERROR,
  'dialect/caller-credentials': ERROR,
  'dialect/unknown-role': ERROR,
  'dialect/unknown-function': ERROR,
  'dialect/authorizer-name': ERROR,
  'dialect/unknown-api-authorizer': ERROR,
  'dialect/invalid-api-authorizer': ERROR,
  'dialect/duplicate-authorizer': ERROR,
  'dialect/iam-authorizer-listed': ERROR,
  'dialect/implicit-api-shared-authorizer': ERROR,
  'dialect/api-authorizer-reference': ERROR,
  'dialect/unused-api-authorizer': WARNING,
} as const satisfies Record<string, Severity>;

export type DialectCode = keyof typeof DIALECT_CODES;
