import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import type { RestApi } from '../../model/auth';
import { isObject, type Json, type JsonObject, type JsonPath } from '../../model/json';
import { closest } from '../schema/translate';
import { definitionPath, isBuiltinName, namedAuthorizers, routeLabel, type Rule } from './context';

/** API Gateway's quota of authorizers per REST API. */
export const MAX_AUTHORIZERS_PER_API = 10;

/** DefaultAuthorizer and event Authorizer must name an authorizer the API can see. */
export const unknownAuthorizer: Rule = {
  name: 'unknown-authorizer',
  codes: ['rules/unknown-authorizer'],
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const api of model.apis) {
      const known = namedAuthorizers(model, api);
      const report = (name: Json | undefined, path: JsonPath, what: string, resource: string) => {
        if (typeof name !== 'string' || isBuiltinName(name) || known.has(name)) return;
        const names = [...known.keys()];
        const guess = closest(name, names);
        const choices = names.length > 0 ? `defines ${names.join(', ')}` : 'defines no authorizers';
        const hint = guess ? ` Did you mean \`${guess}\`?` : '';
        out.push(diagnostic('rules/unknown-authorizer', `${what} names authorizer \`${name}\`, but API ${api.logicalId} ${choices}.${hint}`, path, resource));
      };
      if (api.auth) report(api.auth.defaultAuthorizer, [...api.auth.path, 'DefaultAuthorizer'], 'DefaultAuthorizer', api.logicalId);
      for (const route of api.routes) {
        if (route.auth) report(route.auth.authorizer, [...route.auth.path, 'Authorizer'], `Event ${route.eventName} (${routeLabel(route)})`, route.owner);
      }
    }
    return out;
  },
};

/** Names used in `security` requirements of a DefinitionBody (users may wire authorizers there by hand). */
function namesInDefinitionBody(api: RestApi): Set<string> {
  const names = new Set<string>();
  const visit = (node: Json | undefined) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'security' && Array.isArray(value)) {
          for (const requirement of value) if (isObject(requirement)) Object.keys(requirement).forEach((n) => names.add(n));
        } else visit(value);
      }
    }
  };
  visit(api.properties.DefinitionBody);
  return names;
}

/** An authorizer nothing refers to is dead configuration, often a misspelt reference elsewhere. */
export const unusedAuthorizer: Rule = {
  name: 'unused-authorizer',
  codes: ['rules/unused-authorizer'],
  check({ model, template }) {
    const out: Diagnostic[] = [];
    const reported = new Set<string>();
    for (const api of model.apis) {
      const used = namesInDefinitionBody(api);
      if (typeof api.auth?.defaultAuthorizer === 'string') used.add(api.auth.defaultAuthorizer);
      for (const route of api.routes) if (typeof route.auth?.authorizer === 'string') used.add(route.auth.authorizer);
      for (const a of api.auth?.authorizers ?? []) {
        if (used.has(a.name)) continue;
        const path = definitionPath(template, a);
        // An authorizer from Globals.Api is reported once, not once per API.
        const key = path.join('\u0000');
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(diagnostic('rules/unused-authorizer', `Authorizer \`${a.name}\` is defined but API ${api.logicalId} never uses it (no DefaultAuthorizer, event or DefinitionBody names it).`, path, api.logicalId));
      }
    }
    // An AWS::Serverless::ApiAuthorizer no API uses is normalize's to report (dialect/unused-api-authorizer).
    return out;
  },
};

/** The same name in Globals.Api, an Api and an ApiAuthorizer: one silently replaces the other. */
export const duplicateAuthorizer: Rule = {
  name: 'duplicate-authorizer',
  codes: ['rules/duplicate-authorizer'],
  check({ template }) {
    const definitions = new Map<string, JsonPath[]>();
    const add = (name: string, path: JsonPath) => definitions.set(name, [...(definitions.get(name) ?? []), path]);
    const authorizersAt = (auth: Json | undefined, path: JsonPath) => {
      if (isObject(auth) && isObject(auth.Authorizers)) for (const name of Object.keys(auth.Authorizers)) add(name, [...path, 'Authorizers', name]);
    };
    const globals = template.Globals;
    const globalAuth = isObject(globals) && isObject(globals.Api) ? globals.Api.Auth : undefined;
    const resources: JsonObject = isObject(template.Resources) ? template.Resources : {};
    const sharedIds = new Set<string>();
    for (const [id, r] of Object.entries(resources)) {
      if (isObject(r) && r.Type === 'AWS::Serverless::ApiAuthorizer') sharedIds.add(id);
    }
    const out: Diagnostic[] = [];
    // Each API sees Globals + its own + the shared resources; a name twice in that set is a conflict.
    for (const [id, r] of Object.entries(resources)) {
      if (!isObject(r) || r.Type !== 'AWS::Serverless::Api' || !isObject(r.Properties)) continue;
      definitions.clear();
      authorizersAt(globalAuth, ['Globals', 'Api', 'Auth']);
      authorizersAt(r.Properties.Auth, ['Resources', id, 'Properties', 'Auth']);
      for (const [name, paths] of definitions) {
        const shared = sharedIds.has(name) ? [['Resources', name] as JsonPath] : [];
        const all = [...paths, ...shared];
        if (all.length < 2) continue;
        const where = all.map((p) => (p[0] === 'Globals' ? 'Globals.Api' : p.length === 2 ? `AWS::Serverless::ApiAuthorizer ${name}` : `API ${id}`));
        // Only an entry that is neither the shared resource itself is ours to point at.
        const at = all.find((p) => p[0] === 'Resources' && p.length > 2) ?? all[0];
        out.push(diagnostic('rules/duplicate-authorizer', `Authorizer \`${name}\` is defined ${all.length} times (${where.join(', ')}); API ${id} would silently use only one of them.`, at, id));
      }
    }
    return out;
  },
};

/** API Gateway allows 10 authorizers per REST API and fails the deployment beyond. */
export const tooManyAuthorizers: Rule = {
  name: 'too-many-authorizers',
  codes: ['rules/too-many-authorizers'],
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const api of model.apis) {
      const count = api.auth?.authorizers.length ?? 0;
      if (count <= MAX_AUTHORIZERS_PER_API || !api.auth) continue;
      out.push(diagnostic('rules/too-many-authorizers', `API ${api.logicalId} has ${count} authorizers; API Gateway allows at most ${MAX_AUTHORIZERS_PER_API} per REST API and would fail the deployment.`, [...api.auth.path, 'Authorizers'], api.logicalId));
    }
    return out;
  },
};
