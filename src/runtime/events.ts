import type { APIGatewayRequestAuthorizerEvent, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';

/** A header of a REQUEST authorizer event, looked up case-insensitively (clients and proxies vary the case). */
export function header(event: APIGatewayRequestAuthorizerEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(event.headers ?? {}).find(([key, value]) => key.toLowerCase() === wanted && value != null)?.[1];
}

/**
 * The token of a TOKEN event (its `authorizationToken`) or of a REQUEST event (the `headerName` header, by default
 * `Authorization`), with a leading `Bearer ` removed whatever its case; `undefined` when absent or blank.
 */
export function bearerToken(
  event: APIGatewayTokenAuthorizerEvent | APIGatewayRequestAuthorizerEvent,
  headerName = 'Authorization',
): string | undefined {
  const raw = event.type === 'TOKEN' ? event.authorizationToken : header(event, headerName);
  return String(raw ?? '').trim().replace(/^bearer(\s+|$)/i, '') || undefined;
}

/** Throw this from an authorizer to make API Gateway answer 401 Unauthorized (the message must be exactly this). */
export function unauthorized(): never {
  throw new Error('Unauthorized');
}
