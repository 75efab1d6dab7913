import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { authResponse, bearerToken } from 'sam-auth-macro/runtime';

/**
 * Chalice's demo authorizer: the token itself is the verdict (`Authorization: allow`, with or without `Bearer `).
 * A real authorizer verifies a JWT or asks its OAuth provider here, and throws `unauthorized()` for a bad token
 * to answer 401 instead of 403.
 */
export const handler = async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  if (bearerToken(event) === 'allow') {
    // Passed on to the route as requestContext.authorizer.principalId and .plan.
    return authResponse(event, { routes: ['/'], principalId: 'user', context: { plan: 'demo' } });
  }
  // No routes: an explicit Deny of the whole stage, so API Gateway answers 403.
  return authResponse(event, { routes: [], principalId: 'user' });
};
