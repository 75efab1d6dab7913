import type { DiagnosticCode } from '../../diagnostics/codes/index';
import type { Diagnostic } from '../../diagnostics/types';
import { AWS_IAM, NONE, type Authorizer, type AuthModel, type RestApi, type Route } from '../../model/auth';
import { isObject, type Json, type JsonObject, type JsonPath } from '../../model/json';

/** What every rule reads: the normalized model, and the template as written (for paths and references). */
export interface RuleContext {
  model: AuthModel;
  template: JsonObject;
}

/** One rule family: the codes it may report, and the check. */
export interface Rule {
  name: string;
  codes: readonly DiagnosticCode[];
  check(ctx: RuleContext): Diagnostic[];
}

/** The value at `path` in the template, or undefined. */
export function valueAt(template: JsonObject, path: JsonPath): Json | undefined {
  let node: Json | undefined = template;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node)) node = node[String(key)];
    else return undefined;
  }
  return node;
}

/**
 * Where an authorizer is written. Normalize gives the path under the API's Auth even when the
 * authorizer came from Globals.Api; then the Globals entry is where the user must look.
 */
export function definitionPath(template: JsonObject, authorizer: Authorizer): JsonPath {
  if (valueAt(template, authorizer.path) !== undefined) return authorizer.path;
  const i = authorizer.path.indexOf('Authorizers');
  if (i >= 0) {
    const fromGlobals = ['Globals', 'Api', 'Auth', ...authorizer.path.slice(i)];
    if (valueAt(template, fromGlobals) !== undefined) return fromGlobals;
  }
  return authorizer.path;
}

/**
 * The path of the first of `candidates` (property paths relative to the authorizer, one per spelling)
 * that the template holds, so a diagnostic points at the property as written in either dialect.
 */
export function propertyPath(template: JsonObject, authorizer: Authorizer, candidates: readonly JsonPath[]): JsonPath {
  const base = definitionPath(template, authorizer);
  for (const c of candidates) {
    const p = [...base, ...c];
    if (valueAt(template, p) !== undefined) return p;
  }
  return base;
}

/** Resource that owns a path (`Resources/<id>/…`), for Diagnostic.resource. */
export function resourceOf(path: JsonPath): string | undefined {
  return path[0] === 'Resources' && typeof path[1] === 'string' ? path[1] : undefined;
}

/** The authorizers an API may name: its own (after Globals) and every AWS::Serverless::ApiAuthorizer. */
export function namedAuthorizers(model: AuthModel, api: RestApi): Map<string, Authorizer> {
  const out = new Map<string, Authorizer>();
  for (const shared of model.sharedAuthorizers) out.set(shared.logicalId, shared.authorizer);
  for (const a of api.auth?.authorizers ?? []) out.set(a.name, a);
  return out;
}

/** The authorizer name that applies to a route: its own `Auth.Authorizer`, else the API's default. */
export function effectiveAuthorizerName(api: RestApi, route: Route): string | undefined {
  const own = route.auth?.authorizer;
  if (typeof own === 'string') return own;
  if (own !== undefined && own !== null) return undefined;
  const fallback = api.auth?.defaultAuthorizer;
  return typeof fallback === 'string' ? fallback : undefined;
}

export function isBuiltinName(name: string): boolean {
  return name === AWS_IAM || name === NONE;
}

/** `GET /pets` for messages; intrinsics in Path or Method are shown as `?`. */
export function routeLabel(route: Route): string {
  const method = typeof route.method === 'string' ? route.method.toUpperCase() : '?';
  const path = typeof route.routePath === 'string' ? route.routePath : '?';
  return `${method} ${path}`;
}

/**
 * The literal values a property can take: the value itself, or each branch of an `Fn::If`
 * (nested), so that `!If [isProd, 3600, 0]` is checked branch by branch.
 */
export function literalCandidates(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  const keys = isObject(value) ? Object.keys(value) : [];
  if (!isObject(value) || keys.length !== 1) return [value];
  const branches = value['Fn::If'];
  if (Array.isArray(branches) && branches.length === 3) return [...literalCandidates(branches[1]), ...literalCandidates(branches[2])];
  // Any other intrinsic has no literal value here.
  return /^(Ref|Fn::)/.test(keys[0]) ? [] : [value];
}

/** The `Cors` and `GatewayResponses` of an API as written (after Globals). */
export function apiProperty(api: RestApi, name: string): Json | undefined {
  return api.properties[name];
}
