import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import { propertyPath, resourceOf, effectiveAuthorizerName, namedAuthorizers, routeLabel, type Rule } from './context';
import { eachAuthorizer } from './caching';

function hasScopes(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}

/**
 * API Gateway applies OAuth scopes only on a method whose authorizer is a Cognito user pool authorizer;
 * anywhere else they are dropped without a word (SAM #1752, #3325).
 */
export const scopesWithoutCognito: Rule = {
  name: 'scopes-without-cognito',
  codes: ['rules/scopes-without-cognito'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const a of eachAuthorizer(ctx)) {
      if (a.kind === 'cognito' || !hasScopes(a.authorizationScopes)) continue;
      const path = propertyPath(ctx.template, a, [['AuthorizationScopes']]);
      out.push(diagnostic('rules/scopes-without-cognito', `Authorizer \`${a.name}\` is a Lambda authorizer: API Gateway ignores its AuthorizationScopes (scopes work with Cognito user pool authorizers only).`, path, resourceOf(path)));
    }
    for (const api of ctx.model.apis) {
      const known = namedAuthorizers(ctx.model, api);
      for (const route of api.routes) {
        if (!route.auth || !hasScopes(route.auth.authorizationScopes)) continue;
        const name = effectiveAuthorizerName(api, route);
        // No authorizer at all is SAM's own error ("AuthorizationScopes works only when Authorizer is set").
        if (name === undefined) continue;
        const authorizer = known.get(name);
        if (authorizer?.kind === 'cognito') continue;
        if (!authorizer && name !== 'AWS_IAM' && name !== 'NONE') continue; // unknown name: reported by unknown-authorizer
        const what = authorizer ? `its authorizer \`${name}\` is a Lambda authorizer` : name === 'NONE' ? 'it has no authorizer (NONE)' : 'it is authorized by AWS_IAM';
        out.push(diagnostic('rules/scopes-without-cognito', `${routeLabel(route)} (event ${route.eventName}) sets AuthorizationScopes, but ${what}: API Gateway ignores the scopes (they need a Cognito user pool authorizer).`, [...route.auth.path, 'AuthorizationScopes'], route.owner));
      }
    }
    return out;
  },
};
