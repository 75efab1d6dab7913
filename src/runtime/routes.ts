import { HTTP_VERBS, type HttpVerb } from './method-arn';
import { describe } from './result-shape';

/** A method of an API Gateway resource; `ANY` (or leaving `methods` out) means every verb. */
export type RouteMethod = HttpVerb | 'ANY';

/**
 * A route an authorizer grants: a path string (every method) or a path with its methods.
 * Paths are API Gateway resource paths: `/`, `/users`, `/users/{id}`, `/files/{proxy+}`; `'*'` is the whole stage.
 */
export type Route = string | { path: string; methods?: readonly RouteMethod[] };

/**
 * One route, ready to turn into resource ARNs (a tuple: the bundle must stay small):
 * - verbs: the verbs it grants; `['*']` only for the whole stage (`*` / `{VERB}/*`);
 * - glob: the ARN tail after `{VERB}/`, with `*` for each parameter: what API Gateway's policy matcher sees;
 * - exact: the same path in the exact grammar `overlaps` reads: one segment per `{param}`, one or more per `{proxy+}`;
 * - overMatches: ARN tails that `glob` matches but the route does not (see `compile`).
 */
type CompiledRoute = [verbs: readonly string[], glob: string, exact: string, overMatches: string[]];

// IAM's wildcard in resource ARNs: any run of characters, '/' included.
const STAR = '*';
// Exact-grammar tokens; route paths cannot contain them (segments reject control characters). In the exact
// grammar '*' is a plain character, so a request path can be read as an exact pattern too (see `allowed`).
const ONE = '\x01'; // one character other than '/'
const SEG = '\x02'; // zero or more characters other than '/'
const RUN = '\x03'; // zero or more characters

// A literal segment, `{name}` or `{name+}`.
const SEGMENT = /^(?:\{([^\x00-\x1f*?{}+]+)(\+?)\}|[^\x00-\x1f*?{}]+)$/;

function compile(route: Route): CompiledRoute {
  const { path, methods } = (typeof route === 'string' ? { path: route } : (route ?? {})) as Exclude<Route, string>;
  const fail = (why: string): never => {
    throw new TypeError(`route ${describe(path ?? route)}: ${why}`);
  };
  let verbs: string[] = ['*'];
  if (methods !== undefined) {
    if (!Array.isArray(methods) || !methods.length) fail('methods must be a non-empty array');
    verbs = methods.map((method: unknown) => {
      const verb = String(method).toUpperCase();
      return verb === 'ANY' ? '*' : (HTTP_VERBS as readonly string[]).includes(verb) ? verb : fail(`bad method ${describe(method)}`);
    });
    if (verbs.includes('*')) verbs = ['*'];
  }
  if (path === '*') return [verbs, STAR, RUN, []];
  // Every verb is spelled out: in IAM's matcher `*/users` would also match `GET/admin/users`.
  if (verbs[0] === '*') verbs = [...HTTP_VERBS];
  if (typeof path !== 'string' || path[0] !== '/') fail("path must start with '/' (or be '*')");
  const segments = path === '/' ? [] : path.slice(1).split('/');
  const glob: string[] = [];
  const exact: string[] = [];
  const overMatches: string[] = [];
  segments.forEach((segment, i) => {
    const [, param, greedy] = SEGMENT.exec(segment) ?? fail(`bad path segment ${describe(segment)}`);
    if (greedy && i < segments.length - 1) fail(`${segment} must be the last segment`);
    glob.push(param ? STAR : segment);
    exact.push(param ? ONE + (greedy ? RUN : SEG) : segment);
  });
  // IAM's `*` also matches '/', so `users/*` admits `users/1/orders`. Widening one parameter's `*` to `*/*`
  // matches exactly the paths where that parameter would have swallowed a '/': those are denied, if they can be.
  exact.forEach((part, i) => {
    if (part.endsWith(SEG)) overMatches.push(glob.map((g, j) => (i === j ? '*/*' : g)).join('/'));
  });
  // `/{id}` or `/{proxy+}` is `*`, which also matches the root resource (`…/GET/`), never routed to them.
  const tail = glob.join('/');
  if (tail === STAR) overMatches.push('');
  return [verbs, tail, exact.join('/'), overMatches];
}

/**
 * Whether some path is matched both by `glob` (IAM: `*` is any run of characters) and by `exact` (a compiled
 * route, or a request path): a memoised walk over both patterns, where a star either ends or swallows the other
 * side's next character.
 */
export function overlaps(glob: string, exact: string): boolean {
  const seen = new Set<number>();
  const star = (c?: string) => c === RUN || c === SEG;
  const walk = (i: number, j: number): boolean => {
    const g = glob[i];
    const e = exact[j];
    const key = i * (exact.length + 1) + j;
    if (seen.has(key)) return false;
    seen.add(key);
    if (g === undefined && e === undefined) return true;
    if (g === STAR && (walk(i + 1, j) || (e !== undefined && !star(e) && walk(i, j + 1)))) return true;
    if (star(e) && (walk(i, j + 1) || (g !== undefined && g !== STAR && (e === RUN || g !== '/') && walk(i + 1, j)))) {
      return true;
    }
    // Two single characters: equal, or ONE against anything but '/'.
    const same = g === e || (e === ONE && g !== '/');
    return g !== undefined && g !== STAR && e !== undefined && !star(e) && same && walk(i + 1, j + 1);
  };
  return walk(0, 0);
}

/**
 * The resource ARN tails (after `{apiId}/{stage}/`) to allow and to deny so that API Gateway admits the given
 * routes. Denies trim what IAM's `*` over-matches; a deny that would also hit a granted route is left out.
 */
export function policyResources(routes: readonly Route[]): { allow: string[]; deny: string[] } {
  if (!Array.isArray(routes)) throw new TypeError(`routes must be an array, got ${describe(routes)}`);
  // An explicit Deny of the whole stage: API Gateway answers 403 on every route, cached or not. (An Allow with an
  // empty Resource list is not a shape API Gateway documents, so its answer is not ours to guess.)
  if (!routes.length) return { allow: [], deny: ['*/*'] };
  const compiled = routes.map(compile);
  const allow = new Set<string>();
  const deny = new Set<string>();
  const hits = (tail: string, verb: string) =>
    compiled.some(([verbs, , exact]) => (verbs[0] === '*' || verbs.includes(verb)) && overlaps(tail, exact));
  for (const [verbs, glob, , overMatches] of compiled) {
    for (const verb of verbs) {
      allow.add(`${verb}/${glob}`);
      for (const tail of overMatches) if (!hits(tail, verb)) deny.add(`${verb}/${tail}`);
    }
  }
  return { allow: [...allow], deny: [...deny] };
}
