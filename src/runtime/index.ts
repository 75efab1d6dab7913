/**
 * `sam-auth-macro/runtime`: build an API Gateway (REST API) Lambda authorizer result from the routes a caller may
 * use, instead of hand-writing the IAM policy. No runtime dependencies, nothing from the rest of the package.
 */
import type { APIGatewayAuthorizerResult, Statement } from 'aws-lambda';
import { parseMethodArn } from './method-arn';
import { checkAuthorizerResult, type AuthorizerContext } from './result-shape';
import { overlaps, policyResources, type Route } from './routes';

export { parseMethodArn, type HttpVerb, type MethodArn } from './method-arn';
export { bearerToken, header, unauthorized } from './events';
export type { AuthorizerContext } from './result-shape';
export type { Route, RouteMethod } from './routes';

export interface AuthResponse {
  /** The routes this caller may invoke; `[]` denies everything (403), `['*']` allows the whole stage. */
  routes: readonly Route[];
  /** Who the caller is; API Gateway passes it on as `requestContext.authorizer.principalId`. */
  principalId: string;
  /** Passed on as `requestContext.authorizer.*`; values must be strings, numbers or booleans. */
  context?: AuthorizerContext;
  /** The API key for usage plans whose API key source is `AUTHORIZER`. */
  usageIdentifierKey?: string;
}

/** The only thing `authResponse` reads from the event: TOKEN and REQUEST events both carry it. */
export interface AuthorizerEvent {
  methodArn: string;
}

const statement = (Effect: 'Allow' | 'Deny', stageArn: string, tails: string[]): Statement[] =>
  tails.length ? [{ Action: 'execute-api:Invoke', Effect, Resource: tails.map((tail) => `${stageArn}/${tail}`) }] : [];

/**
 * The authorizer result for `response`, against the API and stage of `event.methodArn`. The policy covers every
 * granted route, not just the one being called, so it stays right when API Gateway caches it for the next request.
 * A hand-written result (anything with a `policyDocument`) is checked and returned as it is.
 */
export function authResponse(
  event: AuthorizerEvent,
  response: AuthResponse | APIGatewayAuthorizerResult,
): APIGatewayAuthorizerResult {
  if (typeof response === 'object' && response !== null && 'policyDocument' in response) {
    checkAuthorizerResult(response);
    return response;
  }
  const { routes, ...rest } = response;
  const { stageArn } = parseMethodArn(event.methodArn);
  const { allow, deny } = policyResources(routes);
  const result: APIGatewayAuthorizerResult = {
    ...rest,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [...statement('Allow', stageArn, allow), ...statement('Deny', stageArn, deny)],
    },
  };
  // The same check as for a hand-written result: it names a bad principalId or context key.
  checkAuthorizerResult(result);
  return result;
}

/**
 * Whether API Gateway would let the request `methodArn` through the policy `authResponse` builds for `routes`:
 * for unit tests of an authorizer and for simulating requests. It evaluates the policy (a Deny wins, then any
 * Allow), so it reports what the gateway does, including the rare case the policy cannot express exactly.
 */
export function allowed(methodArn: string, routes: readonly Route[]): boolean {
  const { method, path } = parseMethodArn(methodArn);
  const { allow, deny } = policyResources(routes);
  const request = `${method}/${path.slice(1)}`;
  const matches = (tail: string) => overlaps(tail, request);
  return !deny.some(matches) && allow.some(matches);
}
