import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import type { Authorizer, LambdaAuthorizer } from '../../model/auth';
import type { Json } from '../../model/json';
import { literalCandidates, propertyPath, resourceOf, type Rule, type RuleContext } from './context';

/** API Gateway's bounds for authorizerResultTtlInSeconds. */
export const TTL_MIN = 0;
export const TTL_MAX = 3600;
/** API Gateway's default TTL when none is given: caching is on. */
export const TTL_DEFAULT = 300;

const TTL_PATHS = [['Identity', 'ReauthorizeEvery'], ['ReauthorizeEverySeconds']];

/** Every authorizer of the template once: per API (deduplicated by where it is written) and shared. */
export function eachAuthorizer({ model, template }: RuleContext): Authorizer[] {
  const seen = new Set<string>();
  const out: Authorizer[] = [];
  const all = [...model.apis.flatMap((api) => api.auth?.authorizers ?? []), ...model.sharedAuthorizers.map((s) => s.authorizer)];
  for (const a of all) {
    const key = propertyPath(template, a, []).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

function ttlOf(a: Authorizer): Json | undefined {
  return a.kind === 'cognito' ? undefined : a.identity.reauthorizeEvery;
}

/** ReauthorizeEvery / ReauthorizeEverySeconds within 0–3600 (API Gateway's limit), checked per Fn::If branch. */
export const ttlRange: Rule = {
  name: 'ttl-range',
  codes: ['rules/ttl-out-of-range'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const a of eachAuthorizer(ctx)) {
      const ttl = ttlOf(a);
      for (const v of literalCandidates(ttl)) {
        const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
        if (typeof n === 'number' && Number.isInteger(n) && n >= TTL_MIN && n <= TTL_MAX) continue;
        if (typeof n !== 'number') continue; // a non-number is the schema check's to report
        const path = propertyPath(ctx.template, a, TTL_PATHS);
        const why = Number.isInteger(n) ? `${n} seconds is outside ${TTL_MIN}–${TTL_MAX}` : `${n} is not a whole number of seconds`;
        out.push(diagnostic('rules/ttl-out-of-range', `Authorizer \`${a.name}\`: cache TTL ${why}; API Gateway rejects it at deploy time. Use ${TTL_MIN} (no caching) to ${TTL_MAX}.`, path, resourceOf(path)));
        break;
      }
    }
    return out;
  },
};

function hasIdentitySource(a: LambdaAuthorizer): boolean {
  const { headers, queryStrings, stageVariables, context } = a.identity;
  return [headers, queryStrings, stageVariables, context].some((list) => Array.isArray(list) && list.length > 0);
}

/** True when caching may be on: any TTL candidate other than 0 (the default 300 included). */
function cachingOn(a: LambdaAuthorizer): boolean {
  const ttl = a.identity.reauthorizeEvery;
  if (ttl === undefined || ttl === null) return TTL_DEFAULT > 0;
  const candidates = literalCandidates(ttl);
  if (candidates.length === 0) return true;
  return candidates.some((v) => Number(v) !== 0);
}

/**
 * The cache key of a REQUEST authorizer is its identity sources; with caching on and none given, API Gateway
 * answers 401 without calling the authorizer (SAM #1508). With caching off, no source is needed.
 */
export const requestIdentity: Rule = {
  name: 'request-identity',
  codes: ['rules/request-identity-missing'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const a of eachAuthorizer(ctx)) {
      if (a.kind !== 'lambda-request') continue;
      if (cachingOn(a) && !hasIdentitySource(a)) {
        const path = propertyPath(ctx.template, a, [['Identity'], ['RequestHeaders'], ['ReauthorizeEverySeconds']]);
        const ttl = a.identity.reauthorizeEvery;
        const ttlText = ttl === undefined ? `${TTL_DEFAULT} by default` : typeof ttl === 'number' || typeof ttl === 'string' ? `${ttl}` : 'not 0';
        out.push(diagnostic('rules/request-identity-missing', `REQUEST authorizer \`${a.name}\` must specify Identity with at least one of Headers, QueryStrings, StageVariables or Context: it caches policies (TTL ${ttlText}) keyed by them, and with none API Gateway answers 401 without calling it. List one, or set ReauthorizeEvery: 0.`, path, resourceOf(path)));
      }
    }
    return out;
  },
};

/** ValidationExpression is a TOKEN (and Cognito) feature: on a REQUEST authorizer API Gateway ignores it. */
export const validationExpressionIgnored: Rule = {
  name: 'validation-expression-ignored',
  codes: ['rules/validation-expression-ignored'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const a of eachAuthorizer(ctx)) {
      if (a.kind === 'lambda-request' && a.identity.validationExpression !== undefined) {
        const path = propertyPath(ctx.template, a, [['Identity', 'ValidationExpression'], ['RequestHeaderValidationExpression']]);
        out.push(diagnostic('rules/validation-expression-ignored', `REQUEST authorizer \`${a.name}\`: API Gateway ignores ValidationExpression on REQUEST authorizers (it applies to TOKEN and Cognito only). Check the value in the authorizer function instead.`, path, resourceOf(path)));
      }
    }
    return out;
  },
};
