import fc from 'fast-check';
import type { PolicyDocument } from 'aws-lambda';
import { allowed, authResponse, type Route, type RouteMethod } from '../../src/runtime';

const STAGE = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod';
const VERBS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

/** A request `GET /users/1` as its methodArn (the root is `…/GET/`, as API Gateway writes it). */
const arnOf = (request: string, stage = STAGE) => {
  const [verb, path] = request.split(' ');
  return `${stage}/${verb}/${path.slice(1)}`;
};

describe('allowed', () => {
  it.each<[string, Route[], string, boolean]>([
    ['root route', ['/'], 'GET /', true],
    ['root route, another path', ['/'], 'GET /a', false],
    ['nested path', ['/a/b'], 'POST /a/b', true],
    ['nested path, its parent', ['/a/b'], 'POST /a', false],
    ['nested path, a child', ['/a/b'], 'POST /a/b/c', false],
    ['path parameter', ['/users/{id}'], 'GET /users/42', true],
    ['path parameter, the collection', ['/users/{id}'], 'GET /users', false],
    ['path parameter, a child resource', ['/users/{id}'], 'GET /users/42/orders', false],
    ['path parameter in the middle', ['/users/{id}/orders'], 'GET /users/42/orders', true],
    ['path parameter in the middle, two segments for it', ['/users/{id}/orders'], 'GET /users/4/2/orders', false],
    ['greedy proxy, one segment', ['/files/{proxy+}'], 'GET /files/a', true],
    ['greedy proxy, many segments', ['/files/{proxy+}'], 'GET /files/a/b/c.txt', true],
    ['greedy proxy, its parent', ['/files/{proxy+}'], 'GET /files', false],
    ['root greedy proxy', ['/{proxy+}'], 'PUT /x/y', true],
    ['root greedy proxy, the root', ['/{proxy+}'], 'GET /', false],
    ['method list, listed', [{ path: '/users', methods: ['GET', 'HEAD'] }], 'HEAD /users', true],
    ['method list, not listed', [{ path: '/users', methods: ['GET', 'HEAD'] }], 'POST /users', false],
    ['ANY', [{ path: '/users', methods: ['ANY'] }], 'PATCH /users', true],
    ['path string: every method', ['/users'], 'OPTIONS /users', true],
    ['empty routes', [], 'GET /', false],
    ['empty routes, any path', [], 'DELETE /users/1', false],
    ['the whole stage, root', ['*'], 'GET /', true],
    ['the whole stage, deep', ['*'], 'DELETE /a/b/c', true],
    ['the whole stage for GET, POST', [{ path: '*', methods: ['GET'] }], 'POST /a', false],
    ['path parameter and its granted child', ['/users/{id}', '/users/{id}/orders'], 'GET /users/1/orders', true],
    // The documented limit: with a child granted, IAM cannot keep /users/{id} from other children at that depth.
    ['path parameter and its granted child, a sibling of the child', ['/users/{id}', '/users/{id}/orders'], 'GET /users/1/secrets', true],
    ['path parameter and its granted child, deeper', ['/users/{id}', '/users/{id}/orders'], 'GET /users/1/orders/9', true],
    ['...unless the child is granted on other verbs', ['/users/{id}', { path: '/users/{id}/orders', methods: ['GET'] }], 'POST /users/1/secrets', false],
    // The other documented limit: a parameter, a literal, then a greedy proxy. The Deny that would pin `{tenant}`
    // to one segment also hits requests the route admits (/x/files/files/y), so it is left out.
    ['parameter, literal, greedy proxy', ['/{tenant}/files/{proxy+}'], 'GET /acme/files/a/b', true],
    ['parameter, literal, greedy proxy, the parameter spanning two segments', ['/{tenant}/files/{proxy+}'], 'GET /acme/x/files/a', true],
    ['a literal that looks like a regex', ['/a.b/(c)'], 'GET /a.b/(c)', true],
    ['a literal that looks like a regex, no match', ['/a.b/(c)'], 'GET /axb/(c)', false],
    ['a request path with a star in it', ['/a'], 'GET /*', false],
  ])('%s: %s', (_name, routes, request, expected) => {
    expect(allowed(arnOf(request), routes)).toBe(expected);
  });

  it.each([
    ['a stage name with dashes', 'arn:aws:execute-api:eu-west-1:123456789012:abc123/my-dev-stage'],
    ['the aws-cn partition', 'arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod'],
    ['the aws-us-gov partition', 'arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod'],
  ])('%s', (_name, stage) => {
    expect(allowed(arnOf('GET /users/42', stage), ['/users/{id}'])).toBe(true);
    expect(allowed(arnOf('GET /users/42/orders', stage), ['/users/{id}'])).toBe(false);
  });

  it('rejects a bad methodArn', () => {
    expect(() => allowed('arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET', ['/'])).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, against two independent references: IAM's matcher (a Deny wins, then an Allow; `*` is any run of
// characters, '/' included) and the routing meaning of a route (`{id}` is one segment, `{proxy+}` one or more).

// The evaluation of an authorizer policy for one request ARN: a Deny wins, then an Allow. Two readings of `*`:
// - 'iam': IAM's ARN matching, `*` is any run of characters, '/' included (`*/users` matches `GET/a/users`);
// - 'segment': a reading reported for API Gateway, where only a trailing `*` crosses '/', any other stays within
//   one path segment.
// The kit's policies must mean the same under both, so that the answer does not depend on which one is right.
function policyAllows(policy: PolicyDocument, arn: string, reading: 'iam' | 'segment' = 'iam'): boolean {
  const regex = (glob: string) => {
    const parts = glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const last = parts.pop() as string;
    const inner = reading === 'iam' ? '.*' : '[^/]*';
    return new RegExp('^' + (parts.length ? parts.join(inner) + (last === '' ? '.*' : inner + last) : last) + '$');
  };
  const hits = (effect: string) =>
    policy.Statement.some(
      (s) => s.Effect === effect && 'Resource' in s && [s.Resource ?? []].flat().some((glob) => regex(glob).test(arn)),
    );
  return !hits('Deny') && hits('Allow');
}

/** What a route means to API Gateway's router. */
function routeAdmits(route: Route, verb: string, path: string): boolean {
  const { path: pattern, methods } = typeof route === 'string' ? { path: route, methods: undefined } : route;
  if (methods && !methods.includes('ANY') && !methods.includes(verb as RouteMethod)) return false;
  if (pattern === '*') return true;
  const want = pattern === '/' ? [] : pattern.slice(1).split('/');
  const got = path === '/' ? [] : path.slice(1).split('/');
  for (let i = 0; i < want.length; i++) {
    if (want[i].endsWith('+}')) return got.length > i;
    if (i >= got.length || (!want[i].startsWith('{') && want[i] !== got[i])) return false;
  }
  return got.length === want.length;
}

/** `/{id}/users/{proxy+}`: the one single-route shape IAM cannot pin down (see docs/runtime.md). */
function paramBeforeLiteralBeforeProxy(route: Route): boolean {
  const path = typeof route === 'string' ? route : route.path;
  return /\{id\}(\/\{id\})*\/[a-z]+\/.*\{proxy\+\}$/.test(path);
}

const literal = fc.constantFrom('a', 'b', 'users');
const segment = fc.oneof(literal, literal, fc.constant('{id}'));
const routePath = fc.oneof(
  fc.array(segment, { maxLength: 3 }).map((s) => '/' + s.join('/')),
  fc.array(segment, { maxLength: 2 }).map((s) => '/' + [...s, '{proxy+}'].join('/')),
  fc.constant('*'),
);
const route: fc.Arbitrary<Route> = fc.oneof(
  routePath,
  fc.record({ path: routePath, methods: fc.subarray<RouteMethod>(['GET', 'POST', 'ANY'], { minLength: 1 }) }),
);
const request = fc.record({
  verb: fc.constantFrom(...VERBS),
  path: fc.array(fc.constantFrom('a', 'b', 'users', '1'), { maxLength: 4 }).map((s) => '/' + s.join('/')),
});

const readings = ['iam', 'segment'] as const;
const policyFor = (arn: string, routes: Route[]) => authResponse({ methodArn: arn }, { routes, principalId: 'u' }).policyDocument;

describe('allowed: properties', () => {
  it('says what IAM says about the policy authResponse builds; the per-segment reading admits no more', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 4 }), request, (routes, { verb, path }) => {
        const arn = arnOf(`${verb} ${path}`);
        const policy = policyFor(arn, routes);
        expect(allowed(arn, routes)).toBe(policyAllows(policy, arn, 'iam'));
        if (policyAllows(policy, arn, 'segment')) expect(policyAllows(policy, arn, 'iam')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never denies a request a route grants, under either reading', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 4 }), request, (routes, { verb, path }) => {
        const arn = arnOf(`${verb} ${path}`);
        if (!routes.some((r) => routeAdmits(r, verb, path))) return;
        expect(allowed(arn, routes)).toBe(true);
        for (const reading of readings) expect(policyAllows(policyFor(arn, routes), arn, reading)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact for a single route, under either reading: admits what the route admits, nothing more', () => {
    fc.assert(
      fc.property(route.filter((r) => !paramBeforeLiteralBeforeProxy(r)), request, (r, { verb, path }) => {
        const arn = arnOf(`${verb} ${path}`);
        const admits = routeAdmits(r, verb, path);
        expect(allowed(arn, [r])).toBe(admits);
        for (const reading of readings) expect(policyAllows(policyFor(arn, [r]), arn, reading)).toBe(admits);
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact for routes none of which extends a parameter route at a deeper level', () => {
    // Sibling routes of one depth, e.g. /users/{id} and /teams/{id}: no Deny is ever left out.
    const flat = fc
      .array(fc.tuple(literal, segment), { minLength: 1, maxLength: 3 })
      .map((pairs) => pairs.map(([a, b]) => `/${a}/${b}`));
    fc.assert(
      fc.property(flat, request, (routes, { verb, path }) => {
        const arn = arnOf(`${verb} ${path}`);
        const admits = routes.some((r) => routeAdmits(r, verb, path));
        expect(allowed(arn, routes)).toBe(admits);
        for (const reading of readings) expect(policyAllows(policyFor(arn, routes), arn, reading)).toBe(admits);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic and never mutates its routes', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 4 }), (routes) => {
        const before = JSON.stringify(routes);
        const arn = arnOf('GET /');
        const a = JSON.stringify(authResponse({ methodArn: arn }, { routes, principalId: 'u' }));
        expect(JSON.stringify(authResponse({ methodArn: arn }, { routes, principalId: 'u' }))).toBe(a);
        expect(JSON.stringify(routes)).toBe(before);
      }),
    );
  });
});
