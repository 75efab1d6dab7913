import type { APIGatewayRequestAuthorizerEvent, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { bearerToken, header, unauthorized } from '../../src/runtime';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/';

const tokenEvent = (authorizationToken: string): APIGatewayTokenAuthorizerEvent => ({
  type: 'TOKEN',
  methodArn: METHOD_ARN,
  authorizationToken,
});

const requestEvent = (headers: Record<string, string> | null): APIGatewayRequestAuthorizerEvent => ({
  type: 'REQUEST',
  methodArn: METHOD_ARN,
  resource: '/',
  path: '/',
  httpMethod: 'GET',
  headers,
  multiValueHeaders: null,
  pathParameters: null,
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  stageVariables: null,
  requestContext: {} as APIGatewayRequestAuthorizerEvent['requestContext'],
});

describe('bearerToken', () => {
  it.each<[string, string, string | undefined]>([
    ['a bare token', 'allow', 'allow'],
    ['a Bearer token', 'Bearer eyJ.abc.def', 'eyJ.abc.def'],
    ['a lowercase bearer token', 'bearer eyJ.abc.def', 'eyJ.abc.def'],
    ['an uppercase BEARER token', 'BEARER eyJ.abc.def', 'eyJ.abc.def'],
    ['extra whitespace', '  Bearer   tok  ', 'tok'],
    ['a tab after Bearer', 'Bearer\ttok', 'tok'],
    ['"Bearer" alone', 'Bearer', undefined],
    ['"Bearer " alone', 'Bearer ', undefined],
    ['an empty token', '', undefined],
    ['blanks', '   ', undefined],
    ['a word that starts with bearer', 'bearerish', 'bearerish'],
    ['another scheme, kept as it is', 'Basic dXNlcjpwYXNz', 'Basic dXNlcjpwYXNz'],
  ])('TOKEN event, %s', (_name, raw, expected) => {
    expect(bearerToken(tokenEvent(raw))).toBe(expected);
  });

  it.each<[string, Record<string, string> | null, string | undefined]>([
    ['Authorization', { Authorization: 'Bearer tok' }, 'tok'],
    ['authorization (lowercase, as HTTP/2 clients send it)', { authorization: 'Bearer tok' }, 'tok'],
    ['AUTHORIZATION', { AUTHORIZATION: 'tok' }, 'tok'],
    ['no such header', { Accept: '*/*' }, undefined],
    ['no headers at all', null, undefined],
  ])('REQUEST event, header %s', (_name, headers, expected) => {
    expect(bearerToken(requestEvent(headers))).toBe(expected);
  });

  it('reads another header of a REQUEST event, case-insensitively', () => {
    expect(bearerToken(requestEvent({ 'x-api-token': 'Bearer t2', Authorization: 'Bearer t1' }), 'X-Api-Token')).toBe('t2');
  });
});

describe('header', () => {
  it('finds a header whatever its case', () => {
    const event = requestEvent({ 'Content-Type': 'application/json', 'x-tenant': 'acme' });
    expect(header(event, 'content-type')).toBe('application/json');
    expect(header(event, 'X-Tenant')).toBe('acme');
    expect(header(event, 'x-missing')).toBeUndefined();
  });
});

describe('unauthorized', () => {
  it("throws the exact message API Gateway maps to 401 ('Unauthorized')", () => {
    expect(() => unauthorized()).toThrow(new Error('Unauthorized'));
  });
});
