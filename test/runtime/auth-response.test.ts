import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { authResponse, type Route } from '../../src/runtime';

const STAGE = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod';
const event = (methodArn = `${STAGE}/GET/`): APIGatewayTokenAuthorizerEvent => ({
  type: 'TOKEN',
  methodArn,
  authorizationToken: 'allow',
});

/** The policy as `{ Allow: [tails], Deny: [tails] }`, tails relative to `{apiId}/{stage}/`. */
function tails(result: APIGatewayAuthorizerResult, stage = STAGE): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const statement of result.policyDocument.Statement) {
    expect(statement).toMatchObject({ Action: 'execute-api:Invoke' });
    const resources = 'Resource' in statement ? [statement.Resource ?? []].flat() : [];
    out[statement.Effect] = resources.map((arn) => {
      expect(arn.startsWith(stage + '/')).toBe(true);
      return arn.slice(stage.length + 1);
    });
  }
  return out;
}

/** `tail` for every verb, in the kit's fixed order: how a route without methods is spelled out. */
const every = (...tails: string[]) =>
  tails.flatMap((tail) => ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].map((verb) => `${verb}/${tail}`));

describe('authResponse: routes to resource ARNs', () => {
  it.each<[string, Route[], Record<string, string[]>]>([
    // API Gateway writes the root resource as a trailing slash: …/prod/GET/
    ['root route', ['/'], { Allow: every('') }],
    ['a nested path', ['/users/me/settings'], { Allow: every('users/me/settings') }],
    ['several paths, in order, without duplicates', [{ path: '/b', methods: ['GET'] }, { path: '/a', methods: ['GET'] }, { path: '/b', methods: ['GET'] }], { Allow: ['GET/b', 'GET/a'] }],
    // `users/*` alone would also admit users/1/orders: the Deny takes that back.
    ['a path parameter', [{ path: '/users/{id}', methods: ['GET'] }], { Allow: ['GET/users/*'], Deny: ['GET/users/*/*'] }],
    ['a path parameter, every method', ['/users/{id}'], { Allow: every('users/*'), Deny: every('users/*/*') }],
    [
      'two path parameters',
      [{ path: '/users/{id}/posts/{postId}', methods: ['GET'] }],
      { Allow: ['GET/users/*/posts/*'], Deny: ['GET/users/*/*/posts/*', 'GET/users/*/posts/*/*'] },
    ],
    ['a greedy proxy', [{ path: '/files/{proxy+}', methods: ['GET'] }], { Allow: ['GET/files/*'] }],
    // `*` right after the verb also matches the root resource, which API Gateway never routes to `/{proxy+}`.
    ['a root greedy proxy', [{ path: '/{proxy+}', methods: ['GET'] }], { Allow: ['GET/*'], Deny: ['GET/'] }],
    ['a root greedy proxy next to the root', [{ path: '/{proxy+}', methods: ['GET'] }, { path: '/', methods: ['GET'] }], { Allow: ['GET/*', 'GET/'] }],
    ['a parameter before a greedy proxy', [{ path: '/t/{tenant}/{proxy+}', methods: ['GET'] }], { Allow: ['GET/t/*/*'] }],
    ['a method list', [{ path: '/users', methods: ['GET', 'POST'] }], { Allow: ['GET/users', 'POST/users'] }],
    ['lowercase methods', [{ path: '/users', methods: ['get'] as never }], { Allow: ['GET/users'] }],
    ['ANY', [{ path: '/users', methods: ['ANY'] }], { Allow: every('users') }],
    ['ANY among other methods', [{ path: '/users', methods: ['GET', 'ANY'] }], { Allow: every('users') }],
    ['methods left out', [{ path: '/users' }], { Allow: every('users') }],
    [
      'a method list with a parameter',
      [{ path: '/users/{id}', methods: ['GET', 'DELETE'] }],
      { Allow: ['GET/users/*', 'DELETE/users/*'], Deny: ['GET/users/*/*', 'DELETE/users/*/*'] },
    ],
    ['empty routes: an explicit Deny of the whole stage', [], { Deny: ['*/*'] }],
    ['the whole stage', ['*'], { Allow: ['*/*'] }],
    ['the whole stage for one method', [{ path: '*', methods: ['GET'] }], { Allow: ['GET/*'] }],
    ['the whole stage swallows the trimming', ['*', { path: '/users/{id}', methods: ['GET'] }], { Allow: ['*/*', 'GET/users/*'] }],
    // The Deny for users/*/* would also hit the granted users/{id}/orders, so it is left out: see docs/runtime.md.
    [
      'a parameter route with a granted child',
      [{ path: '/users/{id}', methods: ['GET'] }, { path: '/users/{id}/orders', methods: ['GET'] }],
      { Allow: ['GET/users/*', 'GET/users/*/orders'], Deny: ['GET/users/*/*/orders'] },
    ],
    // ...but only for the verbs the child is granted on.
    [
      'a parameter route with a child granted on another method',
      [{ path: '/users/{id}', methods: ['GET', 'POST'] }, { path: '/users/{id}/orders', methods: ['GET'] }],
      { Allow: ['GET/users/*', 'POST/users/*', 'GET/users/*/orders'], Deny: ['POST/users/*/*', 'GET/users/*/*/orders'] },
    ],
    [
      'a parameter route next to a sibling greedy proxy',
      [{ path: '/users/{id}', methods: ['GET'] }, { path: '/users/{proxy+}', methods: ['POST'] }],
      { Allow: ['GET/users/*', 'POST/users/*'], Deny: ['GET/users/*/*'] },
    ],
  ])('%s', (_name, routes, expected) => {
    expect(tails(authResponse(event(), { routes, principalId: 'user' }))).toEqual(expected);
  });

  it.each([
    ['a stage name with dashes', 'arn:aws:execute-api:eu-west-1:123456789012:abc123/my-dev-stage'],
    ['the aws-cn partition', 'arn:aws-cn:execute-api:cn-northwest-1:123456789012:abc123/prod'],
    ['the aws-us-gov partition', 'arn:aws-us-gov:execute-api:us-gov-east-1:123456789012:abc123/prod'],
  ])('keeps partition, region, account, API and stage of the request: %s', (_name, stage) => {
    const result = authResponse(event(`${stage}/POST/users/42`), { routes: ['/users/{id}'], principalId: 'u' });
    expect(tails(result, stage)).toEqual({ Allow: every('users/*'), Deny: every('users/*/*') });
  });

  it('builds the whole result: principalId, a 2012-10-17 policy, context and usage key as given', () => {
    const result = authResponse(event(`${STAGE}/GET/users/42`), {
      routes: [{ path: '/users/{id}', methods: ['GET'] }],
      principalId: 'user-42',
      context: { tenant: 'acme', admin: false, quota: 10 },
      usageIdentifierKey: 'key-1',
    });
    expect(result).toStrictEqual({
      principalId: 'user-42',
      context: { tenant: 'acme', admin: false, quota: 10 },
      usageIdentifierKey: 'key-1',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [`${STAGE}/GET/users/*`] },
          { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: [`${STAGE}/GET/users/*/*`] },
        ],
      },
    });
  });

  it('adds no context key when none is given', () => {
    expect(Object.keys(authResponse(event(), { routes: ['/'], principalId: 'u' }))).toEqual(['principalId', 'policyDocument']);
  });

  it('does not depend on the route being called: the cached policy is the same for every request', () => {
    const routes: Route[] = ['/', '/users/{id}', { path: '/files/{proxy+}', methods: ['GET'] }];
    expect(tails(authResponse(event(), { routes, principalId: 'u' })).Allow).toHaveLength(15);
    const a = authResponse(event(`${STAGE}/GET/`), { routes, principalId: 'u' });
    const b = authResponse(event(`${STAGE}/DELETE/users/1/orders`), { routes, principalId: 'u' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each<[string, unknown, string]>([
    ['a path without a leading slash', 'users', `route "users": path must start with '/' (or be '*')`],
    ['an empty path', '', `route "": path must start with '/' (or be '*')`],
    ['a trailing slash', '/users/', 'route "/users/": bad path segment ""'],
    ['a double slash', '/a//b', 'route "/a//b": bad path segment ""'],
    ['a wildcard in a path', '/users/*', 'route "/users/*": bad path segment "*"'],
    ['a half parameter', '/users/{id', 'route "/users/{id": bad path segment "{id"'],
    ['an empty parameter', '/users/{}', 'route "/users/{}": bad path segment "{}"'],
    ['a greedy proxy before the end', '/{proxy+}/x', 'route "/{proxy+}/x": {proxy+} must be the last segment'],
    ['an unknown method', { path: '/a', methods: ['FETCH'] }, 'route "/a": bad method "FETCH"'],
    ['an empty method list', { path: '/a', methods: [] }, 'route "/a": methods must be a non-empty array'],
    ['a method string instead of a list', { path: '/a', methods: 'GET' }, 'route "/a": methods must be a non-empty array'],
    ['a route of the wrong type', 42, `route 42: path must start with '/' (or be '*')`],
    ['a null route', null, `route null: path must start with '/' (or be '*')`],
  ])('rejects %s', (_name, route, message) => {
    expect(() => authResponse(event(), { routes: [route as Route], principalId: 'u' })).toThrow(new TypeError(message));
  });

  it('rejects routes that are not an array', () => {
    expect(() => authResponse(event(), { routes: '/' as never, principalId: 'u' })).toThrow(
      new TypeError('routes must be an array, got "/"'),
    );
  });

  it('rejects a bad methodArn in the event with the expected shape', () => {
    expect(() => authResponse(event('arn:aws:execute-api:us-east-1:1:abc/prod'), { routes: ['/'], principalId: 'u' })).toThrow(
      /is not a REST API method ARN \(arn:\{partition\}:execute-api/,
    );
  });
});

describe('authResponse: context', () => {
  it.each<[string, unknown, string]>([
    ['an object', { user: { id: 1 } }, 'context.user must be a string, number or boolean, got object'],
    ['an array', { roles: ['admin'] }, 'context.roles must be a string, number or boolean, got an array'],
    ['null', { email: null }, 'context.email must be a string, number or boolean, got null'],
    ['undefined', { email: undefined }, 'context.email must be a string, number or boolean, got undefined'],
    ['NaN', { score: NaN }, 'context.score must be a string, number or boolean, got NaN'],
    ['Infinity', { score: Infinity }, 'context.score must be a string, number or boolean, got Infinity'],
    ['a function', { fn: () => 1 }, 'context.fn must be a string, number or boolean, got function'],
    ['a bigint', { big: BigInt(1) }, 'context.big must be a string, number or boolean, got 1'],
    ['a Date', { at: new Date(0) }, 'context.at must be a string, number or boolean, got object'],
    ['a context that is an array', ['a'], 'context must be an object, got an array'],
    ['a context that is a string', 'a', 'context must be an object, got "a"'],
  ])('rejects %s, naming the key', (_name, context, message) => {
    const response = { routes: ['/'], principalId: 'u', context: context as never };
    expect(() => authResponse(event(), response)).toThrow(new TypeError(message));
  });

  it('accepts strings, numbers (zero and negatives) and booleans, and passes them through as they are', () => {
    const context = { s: '', n: 0, m: -1.5, t: true, f: false };
    expect(authResponse(event(), { routes: ['/'], principalId: 'u', context }).context).toBe(context);
  });

  it('rejects a principalId that is not a string', () => {
    expect(() => authResponse(event(), { routes: ['/'], principalId: 42 as never })).toThrow(
      new TypeError('principalId must be a string, got 42'),
    );
  });
});

describe('authResponse: a hand-written result', () => {
  const raw = (): APIGatewayAuthorizerResult => ({
    principalId: 'user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${STAGE}/GET/` }],
    },
    context: { a: 1 },
  });

  it('passes through unchanged, the very same object', () => {
    const result = raw();
    const copy = JSON.parse(JSON.stringify(result));
    expect(authResponse(event(), result)).toBe(result);
    expect(result).toEqual(copy);
  });

  it('accepts NotAction / NotResource and resource lists', () => {
    const result = raw();
    result.policyDocument.Statement = [{ NotAction: ['execute-api:ManageConnections'], Effect: 'Deny', NotResource: [`${STAGE}/GET/`, `${STAGE}/POST/`] }];
    expect(authResponse(event(), result)).toBe(result);
  });

  it.each<[string, (r: Record<string, any>) => void, string]>([
    ['no principalId', (r) => delete r.principalId, 'principalId must be a string, got undefined'],
    ['a policyDocument that is a string', (r) => (r.policyDocument = 'Allow'), 'policyDocument must be an object, got "Allow"'],
    ['an old Version', (r) => (r.policyDocument.Version = '2008-10-17'), 'policyDocument.Version must be "2012-10-17", got "2008-10-17"'],
    ['no Version', (r) => delete r.policyDocument.Version, 'policyDocument.Version must be "2012-10-17", got undefined'],
    ['an empty Statement', (r) => (r.policyDocument.Statement = []), 'policyDocument.Statement must be a non-empty array, got an array'],
    ['a single Statement object', (r) => (r.policyDocument.Statement = r.policyDocument.Statement[0]), 'policyDocument.Statement must be a non-empty array, got object'],
    ['a lowercase Effect', (r) => (r.policyDocument.Statement[0].Effect = 'allow'), 'policyDocument.Statement[0].Effect must be "Allow" or "Deny", got "allow"'],
    ['no Action', (r) => delete r.policyDocument.Statement[0].Action, 'policyDocument.Statement[0].Action must be a string or non-empty string array, got undefined'],
    ['an empty Resource list', (r) => (r.policyDocument.Statement[0].Resource = []), 'policyDocument.Statement[0].Resource must be a string or non-empty string array, got an array'],
    ['a Resource that is not a string', (r) => (r.policyDocument.Statement[0].Resource = [42]), 'policyDocument.Statement[0].Resource must be a string or non-empty string array, got an array'],
    ['a statement that is not an object', (r) => (r.policyDocument.Statement[1] = 'Deny'), 'policyDocument.Statement[1] must be an object, got "Deny"'],
    ['a nested context value', (r) => (r.context = { user: { id: 1 } }), 'context.user must be a string, number or boolean, got object'],
    ['a usageIdentifierKey that is a number', (r) => (r.usageIdentifierKey = 7), 'usageIdentifierKey must be a string, got 7'],
  ])('rejects %s, saying what is wrong', (_name, spoil, message) => {
    const result = raw() as unknown as Record<string, any>;
    spoil(result);
    expect(() => authResponse(event(), result as APIGatewayAuthorizerResult)).toThrow(new TypeError(message));
  });

  it('checks a hand-written result even when the event is odd: it does not read the methodArn', () => {
    expect(authResponse({ methodArn: '' }, raw())).toEqual(raw());
  });
});
