import type { Diagnostic } from '../../diagnostics/types';
import { diagnostic } from '../../diagnostics/make';
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { fromPointer, isObject, toPointer } from '../../model/json';
import type { TemplateIndex } from './authorizer';
import { API_AUTHORIZER_TYPE, GLOBALS_PATH, collectSharedAuthorizers, type SharedAuthorizer } from './api-authorizer';
import { ApiScope } from './api-scope';
import { refTarget } from '../intrinsics';
import { TemplateDraft } from './draft';
import { OriginTable } from './origin';
import { findReferences } from './references';
import { eventsOfType } from '../routes';

export interface DesugarResult {
  /** The template in SAM's own spelling; the input itself when there was nothing to desugar. */
  template: JsonObject;
  diagnostics: Diagnostic[];
  /** Maps a path of the desugared template to the place the user wrote it. */
  origin: (path: JsonPath) => JsonPath;
}

const API_TYPE = 'AWS::Serverless::Api';

/**
 * Rewrites the concise dialect (docs/dialect.md) into SAM's spelling, so the SAM lowering that follows produces
 * exactly what the SAM-spelled twin produces: RFC-spelled authorizers (`Type` inferred), `Function` and
 * `AuthorizerUri`, `AWS::Serverless::ApiAuthorizer` resources copied into each API that lists or names them
 * (then removed), `Globals.ApiAuthorizer` applied and removed. Never mutates the input; untouched parts keep
 * their identity.
 */
export function desugar(template: JsonObject): DesugarResult {
  const resources = isObject(template.Resources) ? template.Resources : {};
  const index: TemplateIndex = {
    resourceType: (id) => {
      const resource = Object.hasOwn(resources, id) ? resources[id] : undefined;
      return isObject(resource) && typeof resource.Type === 'string' ? resource.Type : undefined;
    },
  };
  const draft = new TemplateDraft(template);
  const origins = new OriginTable();
  const { byId: shared, diagnostics } = collectSharedAuthorizers(template, index);
  const used = new Set<string>();

  // Globals.Api.Auth is merged by SAM into every API, the implicit one included.
  const globalsApi = isObject(template.Globals) ? template.Globals.Api : undefined;
  const globals = new ApiScope(['Globals', 'Api'], undefined, undefined);
  if (isObject(globalsApi)) readScope(globals, globalsApi);

  const apis = new Map<string, ApiScope>();
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== API_TYPE) continue;
    const scope = new ApiScope(['Resources', id, 'Properties'], id, globals);
    apis.set(id, scope);
    if (isObject(resource.Properties)) readScope(scope, resource.Properties);
  }

  for (const event of apiEvents(resources)) {
    const authorizer = event.auth.Authorizer;
    if (authorizer === undefined) continue;
    const scope = event.restApiId === undefined ? globals : apis.get(event.restApiId);
    if (scope === undefined) continue;
    resolveName(scope, authorizer, [...event.authPath, 'Authorizer'], event.restApiId === undefined);
  }

  if (isObject(globalsApi) || globals.usesAny()) globals.write(draft, origins);
  for (const scope of apis.values()) scope.write(draft, origins);

  for (const authorizer of shared.values()) {
    draft.remove(['Resources', authorizer.logicalId]);
    if (!used.has(authorizer.logicalId) && authorizer.desugared !== undefined) {
      diagnostics.push(
        diagnostic(
          'dialect/unused-api-authorizer',
          `${authorizer.logicalId} is used by no API (no Auth.Authorizers lists it, no DefaultAuthorizer or event Authorizer names it), so it is dropped.`,
          ['Resources', authorizer.logicalId],
          authorizer.logicalId,
        ),
      );
    }
  }
  if (isObject(template.Globals) && template.Globals.ApiAuthorizer !== undefined) {
    draft.remove(GLOBALS_PATH);
    const rest = draft.get(['Globals']);
    if (isObject(rest) && Object.keys(rest).length === 0) draft.remove(['Globals']);
  }
  if (shared.size > 0) diagnostics.push(...findReferences(draft.result, new Set(shared.keys())));

  return { template: draft.result, diagnostics, origin: origins.lookup() };

  function readScope(scope: ApiScope, props: JsonObject): void {
    moveDefaultAuthorizer(scope, props);
    scope.read(props, shared, index, diagnostics);
    for (const id of scope.mentioned) used.add(id);
    const auth = draft.get(scope.authPath);
    if (isObject(auth) && auth.DefaultAuthorizer !== undefined) {
      resolveName(scope, auth.DefaultAuthorizer, [...scope.authPath, 'DefaultAuthorizer'], false);
    }
  }

  /** The RFC writes `DefaultAuthorizer` beside `Auth` (in Globals.Api); SAM wants it inside. */
  function moveDefaultAuthorizer(scope: ApiScope, props: JsonObject): void {
    if (props.DefaultAuthorizer === undefined) return;
    const from = [...scope.propsPath, 'DefaultAuthorizer'];
    const to = [...scope.authPath, 'DefaultAuthorizer'];
    if (isObject(props.Auth) && props.Auth.DefaultAuthorizer !== undefined) {
      diagnostics.push(
        diagnostic(
          'dialect/conflicting-properties',
          'DefaultAuthorizer is given both beside Auth and inside it: keep the one inside Auth.',
          from,
          scope.resource,
        ),
      );
      return;
    }
    if (props.Auth !== undefined && !isObject(props.Auth)) return;
    draft.set(to, props.DefaultAuthorizer);
    draft.remove(from);
    origins.add(to, from);
  }

  /**
   * A DefaultAuthorizer or event Authorizer that names an ApiAuthorizer (plainly or with `!Ref`) brings it into
   * the API and is rewritten to the name it has there; one naming an AWS_IAM ApiAuthorizer becomes `AWS_IAM`.
   */
  function resolveName(scope: ApiScope, value: Json, at: JsonPath, implicitApi: boolean): void {
    if (typeof value === 'string' && scope.has(value)) return;
    const id = typeof value === 'string' ? value : refTarget(value);
    const authorizer = id === undefined ? undefined : shared.get(id);
    if (authorizer?.desugared === undefined) return;
    used.add(authorizer.logicalId);
    if (authorizer.desugared.kind === 'iam') {
      draft.set(at, 'AWS_IAM');
      return;
    }
    let key = scope.keyOf(authorizer.logicalId);
    if (key === undefined) {
      if (implicitApi && apis.size > 0) {
        diagnostics.push(implicitApiError(authorizer, at, [...apis.keys()]));
        return;
      }
      if (!scope.include(authorizer, authorizer.name, at, diagnostics)) return;
      scope.markChanged();
      key = authorizer.name;
    }
    if (value !== key) draft.set(at, key);
  }
}

function implicitApiError(authorizer: SharedAuthorizer, at: JsonPath, apis: string[]): Diagnostic {
  return diagnostic(
    'dialect/implicit-api-shared-authorizer',
    `This event belongs to the implicit API (it has no RestApiId), which can only receive ${authorizer.logicalId} through Globals.Api.Auth, and that would add it to ${apis.join(', ')} as well: give the event a RestApiId, or name ${authorizer.logicalId} in Globals.Api.Auth.DefaultAuthorizer if every API should have it.`,
    at,
    at[1] === undefined ? undefined : String(at[1]),
  );
}

interface ApiEvent {
  /** Path to the event's `Auth`. */
  authPath: JsonPath;
  auth: JsonObject;
  /** The explicit API it attaches to, by logical id; undefined for the implicit API. */
  restApiId: string | undefined;
}

/** `Type: Api` events with an `Auth` map, of functions and state machines, in template order. */
function* apiEvents(resources: JsonObject): Generator<ApiEvent> {
  for (const { path, properties } of eventsOfType(resources, 'Api')) {
    if (properties === undefined || !isObject(properties.Auth)) continue;
    const restApi = properties.RestApiId;
    const restApiId = restApi === undefined ? undefined : (refTarget(restApi) ?? (typeof restApi === 'string' ? restApi : ''));
    yield { authPath: [...path, 'Properties', 'Auth'], auth: properties.Auth, restApiId };
  }
}

export { API_AUTHORIZER_TYPE };

/**
 * Diagnostics of the phases after desugaring, moved to where the user wrote what they concern: an ApiAuthorizer
 * copied into three APIs yields one finding at the resource, not three at places the template does not have.
 */
export function relocate(diagnostics: readonly Diagnostic[], origin: (path: JsonPath) => JsonPath): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const path = origin(fromPointer(d.path));
    const pointer = toPointer(path);
    const moved: Diagnostic = pointer === d.path ? d : { ...d, path: pointer };
    if (moved !== d && path[0] === 'Resources' && path[1] !== undefined) moved.resource = String(path[1]);
    const key = `${moved.code}\u0000${moved.message}\u0000${moved.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(moved);
  }
  return out;
}
