import type { Diagnostic } from '../diagnostics/types';
import type { AuthModel, RestApi, Route } from '../model/auth';
import type { Json, JsonObject, JsonPath } from '../model/json';
import { fromPointer, isObject, toPointer } from '../model/json';
import { normalizeApiAuth } from './authorizers';
import { applyApiGlobals } from './globals';
import { type AttachedRoute, collectHttpApiRoutes, collectRoutes, IMPLICIT_API_ID } from './routes';
import { type ParameterInputs, parameterValues, RESOLVED_API_PROPERTIES, resolveParameterRefs } from './parameters';

export interface NormalizeResult {
  model: AuthModel;
  diagnostics: Diagnostic[];
}

export { IMPLICIT_API_ID } from './routes';

/** SAM's empty Swagger for an API it manages (`__MANAGE_SWAGGER`). */
export function swaggerSkeleton(): JsonObject {
  return { swagger: '2.0', info: { version: '1.0', title: { Ref: 'AWS::StackName' } }, paths: {} };
}

const ATTRIBUTE_KEYS = ['Condition', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'UpdatePolicy'];

function attributesOf(resource: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ATTRIBUTE_KEYS) if (resource[key] !== undefined) out[key] = resource[key];
  return out;
}

/** The routes attached to one API, in template order. */
function routesOf(attached: readonly AttachedRoute[], apiId: string): Route[] {
  return attached.filter((a) => a.apiId === apiId).map((a) => a.route);
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Finds every REST API of the template (explicit `AWS::Serverless::Api`, then the implicit `ServerlessRestApi`
 * when some Api event has no RestApiId), applies `Globals.Api` as SAM does, attaches the Api events, and
 * normalizes every `Auth` block. Pure; malformed values are kept for the lowering to report in SAM's words.
 */
export function normalize(template: JsonObject, inputs: ParameterInputs = {}): NormalizeResult {
  const resources = isObject(template.Resources) ? template.Resources : {};
  const globals = isObject(template.Globals) && isObject(template.Globals.Api) ? template.Globals.Api : undefined;
  const parameters = parameterValues(template, inputs);
  const diagnostics: Diagnostic[] = [];
  const attached = collectRoutes(resources);
  const apis: RestApi[] = [];

  const httpApiAttached = collectHttpApiRoutes(resources);

  const finish = (api: RestApi, own: JsonObject): RestApi => {
    api.properties = resolveApiParameters(api, own, globals, parameters, diagnostics);
    const auth = api.properties.Auth;
    if (hasValue(auth)) api.auth = normalizeApiAuth(isObject(auth) ? auth : {}, [...api.path, 'Properties', 'Auth']);
    api.hasAuth = hasValue(auth) || api.routes.some((r) => hasValue(r.properties.Auth));
    return api;
  };

  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::Serverless::Api') continue;
    const own = isObject(resource.Properties) ? resource.Properties : {};
    const managed = !own.DefinitionBody && !own.DefinitionUri;
    const base: JsonObject = managed ? { ...own, DefinitionBody: swaggerSkeleton() } : own;
    apis.push(
      finish({
        logicalId,
        implicit: false,
        path: ['Resources', logicalId],
        properties: applyApiGlobals(globals, base, resource.IgnoreGlobals),
        attributes: attributesOf(resource),
        routes: routesOf(attached, logicalId),
        hasAuth: false,
        managedDefinition: managed,
      }, own),
    );
    const httpApiRoutes = routesOf(httpApiAttached, logicalId);
    if (httpApiRoutes.length > 0) apis[apis.length - 1].httpApiRoutes = httpApiRoutes;
  }

  const implicitRoutes = routesOf(attached, IMPLICIT_API_ID);
  const userDefinedImplicit = isObject(resources[IMPLICIT_API_ID]);
  if (implicitRoutes.length > 0 && !userDefinedImplicit) {
    const own: JsonObject = { StageName: 'Prod', DefinitionBody: swaggerSkeleton() };
    apis.push(
      finish({
        logicalId: IMPLICIT_API_ID,
        implicit: true,
        path: implicitRoutes[0].path,
        properties: applyApiGlobals(globals, own, undefined),
        attributes: {},
        routes: implicitRoutes,
        hasAuth: false,
        managedDefinition: true,
      }, {}),
    );
  }

  return { model: { apis, sharedAuthorizers: [] }, diagnostics };
}

function has(node: Json | undefined, path: readonly string[]): boolean {
  let at = node;
  for (const key of path) {
    if (Array.isArray(at) && /^\d+$/.test(key)) at = at[Number(key)];
    else if (isObject(at) && key in at) at = at[key];
    else return false;
  }
  return at !== undefined;
}

/**
 * SAM inlines template parameters in an API's Auth, Domain and BinaryMediaTypes (after Globals) before it
 * lowers the API. A failure is located where the value was written: on the resource, else in Globals.Api.
 */
function resolveApiParameters(
  api: RestApi,
  own: JsonObject,
  globals: JsonObject | undefined,
  parameters: ReadonlyMap<string, Json>,
  diagnostics: Diagnostic[],
): JsonObject {
  const properties: JsonObject = { ...api.properties };
  for (const key of RESOLVED_API_PROPERTIES) {
    if (!(key in properties)) continue;
    const result = resolveParameterRefs(properties[key], parameters, [key], api.logicalId);
    properties[key] = result.value;
    for (const found of result.diagnostics) {
      const relative = fromPointer(found.path);
      const base: JsonPath = has(own, relative) || !has(globals, relative) ? [...api.path, ...(api.implicit ? [] : ['Properties'])] : ['Globals', 'Api'];
      diagnostics.push({ ...found, path: toPointer([...base, ...relative]) });
    }
  }
  return properties;
}
