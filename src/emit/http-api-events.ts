/**
 * `Type: HttpApi` events of functions whose `ApiId` names a REST API we lower (AWS::Serverless::Api).
 *
 * SAM lets such an event point at a REST API: its HttpApi event source (push.py `HttpApi`) writes the route into
 * the API's definition with the OpenAPI editor while the function is translated, before the API itself is:
 *   - SAM's implicit HTTP API plugin first gives an event with neither Path nor Method the `$default` path and
 *     `x-amazon-apigateway-any-method` (one without the other is an error);
 *   - the permission comes first: `<Function><Event>Permission` (no stage suffix) for
 *     `arn:${AWS::Partition}:execute-api:…:${__ApiId__}/${__Stage__}/<METHOD><path>` with `__Stage__` `*`, where
 *     `$default` permits every path (`/*`), and an event of a function that already owns the `$default`
 *     any-method integration makes none (that one covers it);
 *   - then the integration, unless the method has one already: `aws_proxy`, `POST`, `payloadFormatVersion`
 *     `2.0` (or the event's), `arn:${AWS::Partition}:apigateway:…` URI, `isDefaultRoute: true` on `$default`, an
 *     empty `responses`; the function's Condition wraps the URI and the method; then the event's Auth (HTTP API
 *     rules, against the REST API's Authorizers), TimeoutInMillis and path parameters.
 * SAM translates a function's events sorted by Path (`$` before `/`), which is why `$default` comes first.
 * The API's own pass (DefaultAuthorizer, OpenAPI 3 post-processing, …) then treats these methods like any other.
 *
 * Since we replace the API with plain CloudFormation, SAM's later pass can no longer do this: we apply these
 * events here, after the definition is set up (phase A) and before the Api events (phase B), and the caller
 * removes them from their functions. An Api and an HttpApi event of one function on one API are not
 * interleaved as SAM would (only the Deployment hash could tell, and only with MergeDefinitions/OverrideApiAuth).
 */
import type { RestApi, Route } from '../model/auth';
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';
import { functionTarget, passthrough } from './events';
import { type DocWhere, reject, rejectDefinition, rejectEvent } from './reject';
import { openEditor } from './swagger/editor-session';
import type { TemplateOrder } from './template-order';
import {
  conditionalContents,
  hasIntegration,
  isOpenApi3,
  makeConditional,
  methodDefsAt,
  methodOrReject,
  normalizeMethod,
  pathItems,
  pathsOf,
  X_ANY_METHOD,
  X_INTEGRATION,
} from './swagger/paths';

const DEFAULT_PATH = '$default';

/** An HttpApi event with the Path and Method SAM's implicit HTTP API plugin leaves it. */
interface HttpRoute {
  route: Route;
  path: string;
  method: string;
  /** Whether Path / Method are the template's strings (unicode to SAM) or the plugin's defaults (native). */
  fromTemplate: boolean;
}

export interface HttpApiEventsInput {
  api: RestApi;
  resources: JsonObject;
  /** SAM's walk orders over `resources` (shared by every API of the template). */
  order: TemplateOrder;
  /** The API's definition after phase A (edited in place). */
  doc: JsonObject;
  where: DocWhere;
}

/** SAM's implicit HTTP API plugin: `$default` / any-method when both are absent; both must be strings. */
function withDefaults(route: Route): HttpRoute {
  const props = route.properties;
  const path = props.Path;
  const method = props.Method;
  const missing = (v: Json | undefined): boolean => v === undefined || v === null || v === '' || v === false || v === 0;
  const at = [...route.path, 'Properties'];
  if (missing(path) && missing(method)) return { route, path: DEFAULT_PATH, method: X_ANY_METHOD, fromTemplate: false };
  if (missing(path) || missing(method)) {
    const key = missing(path) ? 'Path' : 'Method';
    rejectEvent(route, `Event is missing key '${key}'.`, at);
  }
  if (typeof path !== 'string' || typeof method !== 'string') {
    const key = typeof path !== 'string' ? 'Path' : 'Method';
    rejectEvent(route, `Api Event must have a String specified for '${key}'.`, [...at, key]);
  }
  return { route, path, method: method.toLowerCase(), fromTemplate: true };
}

/**
 * The order SAM translates these events in: functions in `Resources`' 2.7 order (after the implicit API plugins),
 * each function's `Events` in 2.7 order after both plugins wrote their copies back (`Events.update`), then
 * sorted by Path (the event name when there is none), stably.
 */
function translationOrder(routes: HttpRoute[], order: TemplateOrder): HttpRoute[] {
  const byOwner = new Map<string, HttpRoute[]>();
  for (const r of order.eventWalk(routes, (http) => http.route, 'http')) {
    const list = byOwner.get(r.route.owner);
    if (list === undefined) byOwner.set(r.route.owner, [r]);
    else list.push(r);
  }
  return [...byOwner.values()].flatMap((owned) =>
    owned
      .map((r, i) => ({ r, i, key: r.path }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
      .map((x) => x.r),
  );
}

/** SAM's OpenApiEditor.is_valid: a map with a `paths` map and an `openapi` 3.x version. */
function isOpenApiDocument(doc: JsonObject): boolean {
  return Object.keys(doc).length > 0 && isObject(doc.paths) && Boolean(doc.openapi) && isOpenApi3(doc.openapi);
}

/** SAM is_integration_function_logical_id_match: every integration at path+method calls `${<logicalId>.Arn}`. */
function integrationCallsFunction(doc: JsonObject, path: string, method: string, logicalId: string, where: DocWhere): boolean {
  if (!hasIntegration(doc, path, method, where)) return false;
  for (const item of pathItems(doc, path, where)) {
    for (const def of conditionalContents(item[method], where, ['paths', path, method])) {
      const checked = methodOrReject(def, path, method, where);
      const integration = checked[X_INTEGRATION] ?? {};
      if (!isObject(integration)) rejectDefinition(`Value of '${X_INTEGRATION}' must be a dictionary according to Swagger spec.`, where, ['paths', path, method, X_INTEGRATION]);
      const uri = integration.uri;
      if (!isObject(uri)) return false;
      for (const content of conditionalContents(uri, where, ['paths', path, method, X_INTEGRATION, 'uri'])) {
        const arn = isObject(content) ? content['Fn::Sub'] : undefined;
        const match = typeof arn === 'string' ? /([A-Za-z0-9]+\.Arn)/.exec(arn) : null;
        if (!match || match[1].split('.Arn')[0] !== logicalId) return false;
      }
    }
  }
  return true;
}

/** SAM HttpApi._get_permission: none when the function's `$default` integration already covers the route. */
function permission(http: HttpRoute, doc: JsonObject, resources: JsonObject, where: DocWhere): [string, JsonObject] | undefined {
  const { route } = http;
  let path = http.path.replace(/^(.+)\/$/, '$1');
  if (path === DEFAULT_PATH) path = '';
  else if (integrationCallsFunction(doc, DEFAULT_PATH, X_ANY_METHOD, route.owner, where)) return undefined;
  else path = path.replace(/{([a-zA-Z0-9._-]+|proxy\+)}/g, '*');
  const lower = http.method.toLowerCase();
  const verb = lower === 'any' || lower === X_ANY_METHOD ? '*' : http.method.toUpperCase();
  const owner = resources[route.owner] as JsonObject;
  return [
    route.owner + route.eventName + 'Permission',
    {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: functionTarget(route.owner, owner).name,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: {
          'Fn::Sub': [
            'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/' + verb + path,
            { __ApiId__: structuredClone(route.properties.ApiId ?? null), __Stage__: '*' },
          ],
        },
      },
      ...passthrough(owner),
    },
  ];
}

/** A template value copied into the definition: a fresh copy SAM's repr sees as template data (unicode). */
function templateCopy(value: Json, where: DocWhere): Json {
  const copy = structuredClone(value);
  where.prov.fromTemplate(copy);
  return copy;
}

/** SAM OpenApiEditor.add_lambda_integration (the method is normalized). */
function addIntegration(doc: JsonObject, http: HttpRoute, method: string, uri: JsonObject, condition: Json | undefined, where: DocWhere): void {
  if (hasIntegration(doc, http.path, method, where)) return;
  const paths = pathsOf(doc);
  if (!(http.path in paths)) {
    paths[http.path] = {};
    if (http.fromTemplate) where.prov.unicodeKey(paths, http.path);
  }
  const wrappedUri = condition !== undefined ? makeConditional(condition, uri, where) : uri;
  for (const item of pathItems(doc, http.path, where)) {
    if (!(method in item) || item[method] === null) {
      item[method] = {};
      // The template's method, lower-cased, stays unicode; `any` becomes the native extension name.
      if (http.fromTemplate && http.method !== 'any') where.prov.unicodeKey(item, method);
    }
    const def = methodOrReject(item[method], http.path, method, where);
    def[X_INTEGRATION] = { type: 'aws_proxy', httpMethod: 'POST', payloadFormatVersion: '2.0', uri: wrappedUri };
    if (http.path === DEFAULT_PATH && method === X_ANY_METHOD) def.isDefaultRoute = true;
    if (!('responses' in def)) def.responses = {};
    if (condition !== undefined) item[method] = makeConditional(condition, def, where);
  }
}

/** SAM HttpApi._add_auth_to_openapi_integration: HTTP API rules, checked against the REST API's Auth. */
function addEventAuth(doc: JsonObject, http: HttpRoute, method: string, auth: JsonObject, api: RestApi, where: DocWhere): void {
  const { route } = http;
  const at = [...route.path, 'Properties', 'Auth'];
  const fail = (message: string, path = at): never => rejectEvent(route, message, path);
  const apiAuth = isObject(api.properties.Auth) ? api.properties.Auth : {};
  const onMethod = `on API method [${http.method}] for path [${http.path}]`;
  let authorizer = auth.Authorizer;
  if (!authorizer) {
    if (!apiAuth.DefaultAuthorizer) fail("'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' configured on the HttpApi.");
    authorizer = apiAuth.DefaultAuthorizer;
  }
  const authorizers = apiAuth.Authorizers;
  const iamEnabled = apiAuth.EnableIamAuthorizer === true;
  const shown = typeof authorizer === 'string' ? authorizer : JSON.stringify(authorizer);
  if (authorizer !== 'NONE' && !(authorizer === 'AWS_IAM' && iamEnabled) && (typeof authorizer !== 'string' || !isObject(authorizers))) {
    fail(`Unable to set Authorizer [${shown}] ${onMethod}. The method authorizer must be a string with a corresponding dict entry in the api authorizer.`, [...at, 'Authorizer']);
  }
  const name = authorizer as string;
  if (name === 'NONE') {
    if (!apiAuth.DefaultAuthorizer) fail(`Unable to set Authorizer ${onMethod} because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.`, [...at, 'Authorizer']);
  } else if (!(name === 'AWS_IAM' && iamEnabled)) {
    const known = authorizers as JsonObject;
    if (Object.keys(known).length === 0) fail(`Unable to set Authorizer [${name}] ${onMethod} because the related API does not define any Authorizers.`, [...at, 'Authorizer']);
    if (!known[name]) fail(`Unable to set Authorizer [${name}] ${onMethod} because it wasn't defined in the API's Authorizers.`, [...at, 'Authorizer']);
  }
  const scopes = auth.AuthorizationScopes;
  if (scopes && !Array.isArray(scopes)) fail(`Unable to set Authorizer ${onMethod} because 'AuthorizationScopes' must be a list of strings.`, [...at, 'AuthorizationScopes']);
  for (const def of methodDefsAt(doc, http.path, method, where)) {
    // OpenApiEditor._set_method_authorizer: a plain {name: scopes} appended to what the method has.
    const requirement: JsonObject = { [name]: [] };
    where.prov.plainDict(requirement);
    where.prov.unicodeKey(requirement, name);
    if (name !== 'NONE' && name !== 'AWS_IAM') {
      const known = isObject(authorizers) ? authorizers : {};
      const entry = known[name] ?? {};
      if (!isObject(entry)) rejectDefinition(`Type of authorizer '${name}' must be a dictionary`, where);
      const chosen = Array.isArray(scopes) && scopes.length > 0 ? scopes : entry.AuthorizationScopes;
      if (known[name] && chosen) requirement[name] = templateCopy(chosen, where);
    }
    const existing = 'security' in def ? def.security : [];
    if (!Array.isArray(existing)) rejectDefinition(`Type of security for path ${http.path} method ${method} must be a list`, where, ['paths', http.path, method, 'security']);
    def.security = [...existing, requirement];
  }
}

/** SAM add_path_parameters_to_method: `{name}` in the Path becomes a required path parameter. */
function addPathParameters(doc: JsonObject, http: HttpRoute, method: string, where: DocWhere): void {
  const names = [...http.path.matchAll(/{(.*?)}/g)].map((m) => m[1]);
  if (names.length === 0) return;
  for (const def of methodDefsAt(doc, http.path, method, where)) {
    if (!('parameters' in def)) def.parameters = [];
    const parameters = def.parameters;
    if (!Array.isArray(parameters)) rejectDefinition(`Value of 'parameters' for path ${http.path} method ${method} must be a list.`, where, ['paths', http.path, method, 'parameters']);
    for (const name of names) {
      const existing = parameters.find((p): p is JsonObject => isObject(p) && p.name === name);
      if (existing) {
        existing.in = 'path';
        existing.required = true;
      } else {
        const parameter: JsonObject = { name, in: 'path', required: true };
        where.prov.unicodeValue(parameter, 'name');
        parameters.push(parameter);
      }
    }
  }
}

/** One event's edit of the definition: SAM's HttpApi._add_openapi_integration in one OpenAPI editor session. */
function addRoute(doc: JsonObject, http: HttpRoute, api: RestApi, resources: JsonObject, where: DocWhere): void {
  const { route } = http;
  const owner = resources[route.owner] as JsonObject;
  const method = normalizeMethod(http.method);
  if (api.managedDefinition && hasIntegration(doc, http.path, method, where)) {
    rejectEvent(route, `API method '${http.method}' defined multiple times for path '${http.path}'.`, route.path);
  }
  const props = route.properties;
  const auth = props.Auth;
  if (auth !== undefined && auth !== null && !isObject(auth)) {
    rejectEvent(route, "Property 'Auth' should be a map.", [...route.path, 'Properties', 'Auth']);
  }
  const arn = functionTarget(route.owner, owner).arn;
  const shorthand = Array.isArray(arn['Fn::GetAtt']) ? arn['Fn::GetAtt'].join('.') : String(arn.Ref);
  const uri: JsonObject = { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${' + shorthand + '}/invocations' };
  // Py27Dict(fn_sub(arn)): the logical id came from the template, so the string is unicode.
  where.prov.unicodeValue(uri, 'Fn::Sub');

  // The session edits paths[path][method] alone: the editor's deep copies skip the other paths and methods.
  const close = openEditor(doc, where, [http.path, method]);
  addIntegration(doc, http, method, uri, owner.Condition, where);
  if (isObject(auth) && Object.keys(auth).length > 0) addEventAuth(doc, http, method, auth, api, where);
  const timeout = props.TimeoutInMillis;
  if (timeout) {
    for (const def of methodDefsAt(doc, http.path, method, where)) {
      const integration = def[X_INTEGRATION] as JsonObject;
      integration.timeoutInMillis = isObject(timeout) || Array.isArray(timeout) ? templateCopy(timeout, where) : timeout;
    }
  }
  addPathParameters(doc, http, method, where);
  const version = props.PayloadFormatVersion;
  if (version) {
    for (const def of methodDefsAt(doc, http.path, method, where)) {
      const integration = def[X_INTEGRATION] as JsonObject;
      integration.payloadFormatVersion = isObject(version) || Array.isArray(version) ? templateCopy(version, where) : version;
      if (typeof version === 'string') where.prov.unicodeValue(integration, 'payloadFormatVersion');
    }
  }
  close();
}

/**
 * Applies the API's HttpApi events to `doc` (in place), in SAM's order, and returns the permissions SAM makes
 * for them. Their definitions must be OpenAPI 3 documents, as SAM's OpenAPI editor demands.
 */
export function applyHttpApiEvents(input: HttpApiEventsInput): [string, JsonObject][] {
  const { api, resources, doc, where } = input;
  if (api.httpApiRoutes === undefined || api.httpApiRoutes.length === 0) return [];
  const routes = api.httpApiRoutes.map(withDefaults);
  const out: [string, JsonObject][] = [];
  for (const http of translationOrder(routes, input.order)) {
    if (!isOpenApiDocument(doc)) {
      reject(
        'sam/invalid-api',
        `Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'. ` +
          `The HttpApi event [${http.route.eventName}] of [${http.route.owner}] writes its route into this API's definition, which must be OpenAPI 3 ('openapi: 3.0.1' in DefinitionBody, or OpenApiVersion).`,
        where.path,
        api.logicalId,
      );
    }
    const made = permission(http, doc, resources, where);
    if (made) out.push(made);
    addRoute(doc, http, api, resources, where);
  }
  return out;
}
