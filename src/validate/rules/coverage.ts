import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import { NONE } from '../../model/auth';
import { routeLabel, type Rule } from './context';

/** On an API with a default authorizer, list the routes that opt out (Authorizer: NONE), by method and path. */
export const routeWithoutAuth: Rule = {
  name: 'route-without-auth',
  codes: ['rules/route-without-auth'],
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const api of model.apis) {
      const fallback = api.auth?.defaultAuthorizer;
      if (typeof fallback !== 'string' || fallback === NONE) continue;
      for (const route of api.routes) {
        if (route.auth?.authorizer !== NONE) continue;
        out.push(diagnostic('rules/route-without-auth', `${routeLabel(route)} on API ${api.logicalId} is open: event ${route.eventName} sets Authorizer: NONE, so the default authorizer ${fallback} does not apply.`, [...route.auth.path, 'Authorizer'], route.owner));
      }
    }
    return out;
  },
};
