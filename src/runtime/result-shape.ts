import type { APIGatewayAuthorizerResult } from 'aws-lambda';

/** What API Gateway accepts as authorizer context: a flat map of strings, numbers and booleans. */
export type AuthorizerContext = Record<string, string | number | boolean>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short, safe description of a bad value for an error message. */
export const describe = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : Object(value) === value
        ? typeof value
        : String(value);

function need(ok: unknown, what: string, want: string, got: unknown): void {
  if (!ok) throw new TypeError(`${what} must be ${want}, got ${describe(got)}`);
}

/**
 * Throws a TypeError naming the key when a context value is not a string, finite number or boolean: API Gateway
 * turns any other value into a 500 at the gateway, far from the code that produced it.
 */
export function checkContext(context: unknown): asserts context is AuthorizerContext | null | undefined {
  if (context == null) return;
  need(isObject(context), 'context', 'an object', context);
  for (const [key, value] of Object.entries(context as object)) {
    const ok = typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
    need(ok, `context.${key}`, 'a string, number or boolean', value);
  }
}

const STRINGS = 'a string or non-empty string array';
const isStrings = (value: unknown) => {
  const list = [value].flat();
  return list.length > 0 && list.every((item) => typeof item === 'string');
};

/**
 * Checks a hand-written authorizer result against the shape API Gateway requires (principalId, a 2012-10-17 policy
 * with at least one statement, each with an Effect, Action and Resource; a flat context), throwing a TypeError
 * that names the field.
 */
export function checkAuthorizerResult(result: unknown): asserts result is APIGatewayAuthorizerResult {
  need(isObject(result), 'authorizer result', 'an object', result);
  const { principalId, policyDocument, context, usageIdentifierKey } = result as Record<string, unknown>;
  need(typeof principalId === 'string', 'principalId', 'a string', principalId);
  need(isObject(policyDocument), 'policyDocument', 'an object', policyDocument);
  const { Version, Statement } = policyDocument as Record<string, unknown>;
  need(Version === '2012-10-17', 'policyDocument.Version', '"2012-10-17"', Version);
  need(Array.isArray(Statement) && Statement.length, 'policyDocument.Statement', 'a non-empty array', Statement);
  (Statement as unknown[]).forEach((statement, i) => {
    const at = `policyDocument.Statement[${i}]`;
    need(isObject(statement), at, 'an object', statement);
    const { Effect, Action, NotAction, Resource, NotResource } = statement as Record<string, unknown>;
    need(Effect === 'Allow' || Effect === 'Deny', `${at}.Effect`, '"Allow" or "Deny"', Effect);
    need(isStrings(Action ?? NotAction), `${at}.Action`, STRINGS, Action ?? NotAction);
    need(isStrings(Resource ?? NotResource), `${at}.Resource`, STRINGS, Resource ?? NotResource);
  });
  checkContext(context);
  const keyOk = usageIdentifierKey == null || typeof usageIdentifierKey === 'string';
  need(keyOk, 'usageIdentifierKey', 'a string', usageIdentifierKey);
}
