import type { Severity } from '../types';

/**
 * Codes of the concise dialect (docs/dialect.md): the RFC's authorizer spelling with its inferred `Type`,
 * `AWS::Serverless::ApiAuthorizer` resources and `Globals.ApiAuthorizer`, and Chalice's `Function` /
 * `AuthorizerUri`. Raised by src/normalize/dialect before SAM's own rules run.
 * Severities only: the summary, example and fix of each code are in ./docs/dialect.ts.
 */
export const DIALECT_CODES = {
  'dialect/ambiguous-type': 'error',
  'dialect/invalid-type': 'error',
  'dialect/type-conflict': 'error',
  'dialect/missing-property': 'error',
  'dialect/mixed-spelling': 'error',
  'dialect/conflicting-properties': 'error',
  'dialect/caller-credentials': 'error',
  'dialect/unknown-role': 'error',
  'dialect/unknown-function': 'error',
  'dialect/authorizer-name': 'error',
  'dialect/unknown-api-authorizer': 'error',
  'dialect/invalid-api-authorizer': 'error',
  'dialect/duplicate-authorizer': 'error',
  'dialect/iam-authorizer-listed': 'error',
  'dialect/implicit-api-shared-authorizer': 'error',
  'dialect/api-authorizer-reference': 'error',
  'dialect/unused-api-authorizer': 'warning',
} as const satisfies Record<string, Severity>;

export type DialectCode = keyof typeof DIALECT_CODES;
