import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** The protected route: answers with the request context, as Chalice's demo does. */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ context: event.requestContext }),
});
