import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import { propertyPath, resourceOf, effectiveAuthorizerName, namedAuthorizers, routeLabel, type Rule } from './context';
import { eachAuthorizer } from './caching';
import { pythonTruthy } from '../../model/python';

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
        // Scopes on an event without its own Authorizer: scopesWithoutAuthorizer's error.
        if (!pythonTruthy(route.auth.authorizer)) continue;
        const name = effectiveAuthorizerName(api, route);
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

/**
 * SAM refuses an event's AuthorizationScopes unless the event names its Authorizer ("AuthorizationScopes works
 * only when Authorizer is set", SAM #3394): the API's DefaultAuthorizer applies its own scopes, never the event's,
 * so they would be dropped without a word (SAM #1752).
 */
export const scopesWithoutAuthorizer: Rule = {
  name: 'scopes-without-authorizer',
  codes: ['rules/scopes-without-authorizer'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const api of ctx.model.apis) {
      // SAM reads an event's Auth only where it writes the event into the definition (its own, or merged).
      if (!api.managedDefinition && !pythonTruthy(api.properties.MergeDefinitions)) continue;
      for (const route of api.routes) {
        if (!route.auth || !pythonTruthy(route.auth.authorizationScopes) || pythonTruthy(route.auth.authorizer)) continue;
        const fallback = api.auth?.defaultAuthorizer;
        const why = typeof fallback === 'string' ? ` (the DefaultAuthorizer \`${fallback}\` applies its own scopes, not the event's)` : '';
        out.push(
          diagnostic(
            'rules/scopes-without-authorizer',
            `Event ${route.eventName} (${routeLabel(route)}) sets AuthorizationScopes but no Authorizer: AuthorizationScopes works only when the event's Auth.Authorizer is set${why}. Name the Cognito authorizer the scopes are for.`,
            [...route.auth.path, 'AuthorizationScopes'],
            route.owner,
          ),
        );
      }
    }
    return out;
  },
};
