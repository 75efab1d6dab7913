/** Phase B of lowering one API: each Api event's integration, method auth and Lambda permission, in SAM's order. */
import type { RestApi, Route } from '../model/auth';
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';
import { addEventResourcePolicy } from './resource-policy';
import { type DocWhere, rejectEvent, stopOnError } from './reject';
import { eventPermissionId, stateMachineEventRoleId } from './logical-ids';
import { addLambdaIntegration, addStateMachineIntegration, lambdaIntegrationUri } from './swagger/integration';
import { addAuthToMethod, checkEventAuth } from './swagger/method-auth';
import { hasIntegration, normalizeMethod } from './swagger/paths';
import { EditorSessions, openEditor } from './swagger/editor-session';
import { addRequestModel, addRequestParameters, type RequestInput } from './swagger/request-model';
import type { TemplateOrder } from './template-order';
import { mergeGeneratedMethod, swaggerSkeleton } from './merge-definitions';

export { py27EventOrder, py27ResourceOrder } from './template-order';

export interface EventOutput {
  resources: [string, JsonObject][];
}

/** SAM translates functions first (events sorted by Path), then state machines (events as written). */
export function samEventOrder(routes: Route[], order: TemplateOrder): Route[] {
  const ordered = order.eventWalk(routes, (r) => r, 'translate');
  const byFunction = new Map<string, Route[]>();
  const machines: Route[] = [];
  for (const r of ordered) {
    if (r.ownerType === 'AWS::Serverless::StateMachine') machines.push(r);
    if (r.ownerType !== 'AWS::Serverless::Function') continue;
    const list = byFunction.get(r.owner);
    if (list === undefined) byFunction.set(r.owner, [r]);
    else list.push(r);
  }
  const sortedFunctions = [...byFunction.values()].flatMap((routes) =>
    routes
      .map((r) => ({ r, key: typeof r.routePath === 'string' ? r.routePath : r.eventName }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.r),
  );
  return [...sortedFunctions, ...machines];
}

export function passthrough(resource: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy']) if (resource[key] !== undefined) out[key] = resource[key];
  return out;
}

/** The function's ARN and name as its events see them (the alias when AutoPublishAlias is set). */
export function functionTarget(owner: string, resource: JsonObject): { arn: JsonObject; name: JsonObject } {
  const properties = isObject(resource.Properties) ? resource.Properties : {};
  const alias = properties.AutoPublishAlias;
  if (typeof alias === 'string' && alias !== '') {
    const aliasId = owner + 'Alias' + alias.replace(/[^A-Za-z0-9]/g, '');
    return { arn: { Ref: aliasId }, name: { Ref: aliasId } };
  }
  return { arn: { 'Fn::GetAtt': [owner, 'Arn'] }, name: { Ref: owner } };
}

/** SAM strips one trailing slash and turns greedy path parameters into `*` for permissions and policies. */
export function permissionPath(path: string): string {
  const trimmed = path.replace(/^(.+)\/$/, '$1');
  return trimmed.replace(/{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)}/g, '*');
}

function permission(route: Route, target: JsonObject, apiRef: Json, attrs: JsonObject): JsonObject {
  const method = typeof route.method === 'string' ? route.method : String(route.method);
  const verb = method.toLowerCase() === 'any' ? '*' : method.toUpperCase();
  const path = permissionPath(String(route.routePath));
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: target,
      Principal: 'apigateway.amazonaws.com',
      SourceArn: {
        'Fn::Sub': [
          'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/' + verb + path,
          { __ApiId__: apiRef, __Stage__: '*' },
        ],
      },
    },
    ...attrs,
  };
}

function stateMachineRole(route: Route, resource: JsonObject, roleId: string): JsonObject {
  const properties = isObject(resource.Properties) ? resource.Properties : {};
  const role: JsonObject = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['apigateway.amazonaws.com'] } }],
      },
      Policies: [
        {
          PolicyName: roleId + 'StartExecutionPolicy',
          PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: route.owner } }] },
        },
      ],
    },
    ...passthrough(resource),
  };
  if (properties.PermissionsBoundary !== undefined) (role.Properties as JsonObject).PermissionsBoundary = properties.PermissionsBoundary;
  return role;
}

export interface EventsInput {
  api: RestApi;
  resources: JsonObject;
  /** SAM's walk orders over `resources` (shared by every API of the template). */
  order: TemplateOrder;
  doc: JsonObject;
  where: DocWhere;
  /** The Stage suffix of permission ids: the API's StageName when a string, `Stage` otherwise. */
  stageSuffix: string;
  /** Whether events write their integration into the definition (SAM-managed or MergeDefinitions). */
  writesDefinition: boolean;
  /** MergeDefinitions: each event writes into a fresh skeleton whose method is then merged into `doc`. */
  mergeDefinitions?: boolean;
  /**
   * The sessions over `doc`: events that write into it chain theirs, and leave the last one open (the caller's
   * next session or `end()` closes it).
   */
  sessions: EditorSessions;
}

/** Applies every event of the API to `doc` (in place) and returns the resources the events make. */
export function applyEvents(input: EventsInput): EventOutput {
  const { api, resources, where } = input;
  const out: [string, JsonObject][] = [];
  const apiAuth = isObject(api.properties.Auth) ? api.properties.Auth : undefined;
  for (const route of samEventOrder(api.routes, input.order)) {
    const owner = resources[route.owner] as JsonObject;
    const isFunction = route.ownerType === 'AWS::Serverless::Function';
    const apiRef: Json = route.properties.RestApiId ?? { Ref: api.logicalId };
    if (typeof route.routePath !== 'string' || typeof route.method !== 'string') {
      rejectEvent(route, 'Api events need a string Path and Method.', [...route.path, 'Properties']);
    }
    const path = route.routePath;
    const method = route.method.toLowerCase();
    let target: { arn: JsonObject; name: JsonObject } | undefined;
    if (isFunction) {
      target = functionTarget(route.owner, owner);
      out.push([eventPermissionId(route.owner, route.eventName, input.stageSuffix), permission(route, target.name, apiRef, passthrough(owner))]);
    }
    const roleId = stateMachineEventRoleId(route.owner, route.eventName);
    if (!isFunction) out.push([roleId, stateMachineRole(route, owner, roleId)]);
    if (!input.writesDefinition) {
      // A user DefinitionBody takes only the Auth of an event that says OverrideApiAuth.
      if (isFunction) addOverrideApiAuth(input.doc, route, api, input.stageSuffix, where);
      continue;
    }
    const doc = input.mergeDefinitions ? swaggerSkeleton(where) : input.doc;

    if (hasIntegration(doc, path, normalizeMethod(method), where)) {
      rejectEvent(route, `API method "${method}" defined multiple times for path "${path}".`, route.path);
    }
    // The event edits paths[path][method] alone: the editor's deep copies skip the other paths and methods.
    // Events edit one doc one after the other (nothing between them edits it): their sessions chain. With
    // MergeDefinitions each event edits a fresh skeleton, in a session of its own ended before the merge.
    const editor = input.mergeDefinitions ? new EditorSessions(doc, where) : input.sessions;
    editor.open([path, normalizeMethod(method)]);
    const eventAuthRaw = route.properties.Auth;
    if (eventAuthRaw !== undefined && eventAuthRaw !== null && !isObject(eventAuthRaw)) {
      rejectEvent(route, "Property 'Auth' should be a map.", [...route.path, 'Properties', 'Auth']);
    }
    const eventAuth = isObject(eventAuthRaw) ? eventAuthRaw : {};
    const condition = owner.Condition;
    if (isFunction && target) {
      addLambdaIntegration(doc, { path, method, uri: lambdaIntegrationUri(target.arn), methodAuth: eventAuth, apiAuth: apiAuth ?? {}, condition }, where);
    } else {
      addStateMachineIntegration(doc, { path, method, stateMachineId: route.owner, roleId, condition }, where);
    }
    if (Object.keys(eventAuth).length > 0) addEventAuth(doc, route, eventAuth, api, isFunction || api.implicit ? input.stageSuffix : null, where);
    addEventRequestShape(doc, route, api, path, method, where);
    if (input.mergeDefinitions) {
      editor.end();
      mergeGeneratedMethod({ body: input.doc, generated: doc, path, method, apiId: api.logicalId, bodyPath: where.path }, where);
    }
  }
  return { resources: out };
}

/** The event's RequestModel (checked against the API's Models) and RequestParameters, after its Auth. */
function addEventRequestShape(doc: JsonObject, route: Route, api: RestApi, path: string, method: string, where: DocWhere): void {
  const input: RequestInput = { path, method, owner: route.owner, eventName: route.eventName, eventPath: route.path };
  const model = route.properties.RequestModel;
  if (model !== undefined && model !== null && !(isObject(model) && Object.keys(model).length === 0)) addRequestModel(doc, model, api.properties.Models, input, where);
  const parameters = route.properties.RequestParameters;
  if (parameters !== undefined && parameters !== null) addRequestParameters(doc, parameters, input, where);
}

/**
 * SAM's add_auth_to_swagger for one event: its checks, its Authorizer / ApiKeyRequired on the method and its
 * ResourcePolicy. `stage` is the `__Stage__` of policy resources (SAM's state machine Api event on an explicit
 * API has none).
 */
function addEventAuth(doc: JsonObject, route: Route, eventAuth: JsonObject, api: RestApi, stage: string | null, where: DocWhere): void {
  const path = String(route.routePath);
  const method = String(route.method).toLowerCase();
  const authInput = {
    eventAuth,
    apiAuth: isObject(api.properties.Auth) ? api.properties.Auth : undefined,
    path,
    method,
    owner: route.owner,
    eventName: route.eventName,
    authPath: [...route.path, 'Properties', 'Auth'],
  };
  checkEventAuth(authInput);
  if (eventAuth.Authorizer || (eventAuth.ApiKeyRequired !== undefined && eventAuth.ApiKeyRequired !== null)) {
    addAuthToMethod(doc, authInput, where);
  }
  if (eventAuth.ResourcePolicy) {
    const result = addEventResourcePolicy({
      policy: doc['x-amazon-apigateway-policy'],
      resourcePolicy: eventAuth.ResourcePolicy,
      path,
      pathItem: (doc.paths as JsonObject)[path],
      stage,
      location: { path: [...route.path, 'Properties', 'Auth', 'ResourcePolicy'], resource: route.owner },
      marks: { prov: where.prov, stageFromTemplate: !api.implicit },
    });
    stopOnError(result.diagnostics);
    if (result.policy !== undefined) doc['x-amazon-apigateway-policy'] = result.policy;
  }
}

/**
 * An event on an API with the user's own DefinitionBody leaves the body alone, unless its Auth says
 * `OverrideApiAuth: true`: then SAM applies that Auth to the user's method in an editor session of its own,
 * when the function is translated (before the API's DefaultAuthorizer, which keeps what the event set).
 */
function addOverrideApiAuth(doc: JsonObject, route: Route, api: RestApi, stage: string, where: DocWhere): void {
  const eventAuth = route.properties.Auth;
  if (!isObject(eventAuth) || !eventAuth.OverrideApiAuth) return;
  if (typeof route.routePath !== 'string' || typeof route.method !== 'string') return;
  const closeEditor = openEditor(doc, where);
  addEventAuth(doc, route, eventAuth, api, stage, where);
  closeEditor();
}
