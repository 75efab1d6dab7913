/**
 * Lowers one REST API with auth into the resources SAM generates for it, in SAM's order of work:
 *   A. the definition SAM starts from (the user's DefinitionBody, or its skeleton with every event's path),
 *   B. each Api event (integration, method auth, Lambda permission / state machine role),
 *   C. the API's own Cors, Auth, gateway responses, binary media types, models, OpenAPI 3 conversion,
 *   D. RestApi, Deployment, Stage, authorizer permissions, usage plan and domain resources.
 * Each phase owns a fresh copy of the definition; nothing outside it is changed.
 */
import { deploymentLogicalId, Provenance } from './deployment-hash/index';
import type { RestApi, Route } from '../model/auth';
import type { Json, JsonObject, JsonPath } from '../model/json';
import { isObject } from '../model/json';
import { copyGiven } from '../model/python';
import { type DocWhere, reject, stopOnError } from './reject';
import { addApiAuth, apiAuthorizers, checkApiAuthShape } from './api-auth';
import { applyEvents, passthrough } from './events';
import { applyHttpApiEvents } from './http-api-events';
import { authorizerPermissionId, stageLogicalId } from './logical-ids';
import { addCors } from './swagger/cors';
import { EditorSessions } from './swagger/editor-session';
import { addBinaryMediaTypes, addDisableExecuteApiEndpoint, addGatewayResponses, addModels } from './swagger/api-extras';
import { openApiPostprocess } from './swagger/openapi3';
import { addPath, isOpenApi3, isValidDefinition, makeConditional, normalizeMethod, pyStr } from './swagger/paths';
import { lowerUsagePlan, tagList, type SharedUsagePlan } from './usage-plan';
import { lowerDomain, type RecordSetGroups } from './domain';
import { TemplateOrder } from './template-order';

/** Every property SAM defines for AWS::Serverless::Api (all reproduced); SAM rejects any other, and so do we. */
const SUPPORTED_PROPERTIES = new Set([
  'StageName', 'DefinitionBody', 'DefinitionUri', 'Auth', 'Name', 'Description', 'Cors', 'CacheClusterEnabled',
  'CacheClusterSize', 'Variables', 'MethodSettings', 'AccessLogSetting', 'CanarySetting', 'TracingEnabled',
  'BinaryMediaTypes', 'MinimumCompressionSize', 'EndpointConfiguration', 'GatewayResponses', 'Models', 'Domain',
  'Tags', 'OpenApiVersion', 'Mode', 'DisableExecuteApiEndpoint', 'FailOnWarnings', 'MergeDefinitions',
  'AlwaysDeploy', 'ApiKeySourceType', 'PropagateTags',
]);

export interface LoweredApi {
  resources: [string, JsonObject][];
  /** What `<Api>.Stage`, `.Deployment`, `.UsagePlan`, … resolve to. */
  references: Record<string, string>;
  /** Conditions SAM adds to the template for this API (path conditions). */
  conditions: [string, Json][];
  /** The implicit API's Condition, when SAM gives it one. */
  apiCondition?: Json;
  /** The exact string hashed for the Deployment id (for diagnosis of hash mismatches). */
  hashInput: string;
}

export interface LowerContext {
  resources: JsonObject;
  sharedUsagePlan: SharedUsagePlan;
  recordSetGroups: RecordSetGroups;
  hasConditionsSection: boolean;
  /** Whether the template number at `path` was written as a float (from the parser's source map). */
  isFloat?: (path: JsonPath) => boolean;
  /** SAM's walk orders over `resources`, computed once per template (made from `resources` when absent). */
  order?: TemplateOrder;
}

function ownerCondition(resources: JsonObject, route: Route): Json | undefined {
  const owner = resources[route.owner];
  return isObject(owner) ? owner.Condition : undefined;
}

function combinedCondition(conditions: string[]): JsonObject {
  return { 'Fn::Or': [...conditions].sort().map((c) => ({ Condition: c })) };
}

/** Phase A: SAM's implicit-API plugin adds every event's path/method (and path conditions) to a managed body. */
function startDefinition(api: RestApi, ctx: LowerContext, order: TemplateOrder, where: DocWhere): { doc: JsonObject; conditions: [string, Json][]; apiCondition?: Json } {
  const doc = structuredClone(api.properties.DefinitionBody as JsonObject);
  const conditions: [string, Json][] = [];
  if (!api.managedDefinition) {
    const isFloat = ctx.isFloat;
    where.prov.fromTemplate(doc, isFloat ? { isFloat: (path) => isFloat([...where.path, ...path]) } : {});
    return { doc, conditions };
  }
  const byPath = new Map<string, (string | null)[]>();
  const sessions = new EditorSessions(doc, where);
  for (const route of order.eventWalk(api.routes, (r) => r, 'plugin')) {
    if (typeof route.routePath !== 'string' || typeof route.method !== 'string') continue;
    const routePath = route.routePath;
    const method = normalizeMethod(route.method);
    sessions.open([routePath, method]);
    addPath(doc, routePath, method, where);
    const condition = ownerCondition(ctx.resources, route);
    const list = byPath.get(route.routePath) ?? [];
    list.push(typeof condition === 'string' ? condition : null);
    byPath.set(route.routePath, list);
  }
  sessions.end();
  const paths = doc.paths as JsonObject;
  for (const [path, list] of byPath) {
    if (list.includes(null)) continue;
    const distinct = [...new Set(list as string[])];
    if (distinct.length === 1) paths[path] = makeConditional(distinct[0], paths[path], where);
    else {
      const name = api.logicalId + path.replace(/\//g, 'SLASH').replace(/{/g, 'OB').replace(/}/g, 'CB') + 'PathCondition';
      conditions.push([name, combinedCondition(distinct)]);
      paths[path] = makeConditional(name, paths[path], where, true);
    }
  }
  // Two more deep copies (a SwaggerEditor copies the definition on the way in and out), nothing between them
  // that the Deployment id sees: one walk records both. Each rebuilds every Python 2.7 dict table.
  where.prov.deepCopied(doc, undefined, 2);
  let apiCondition: Json | undefined;
  if (api.implicit) {
    const all = api.routes.map((r) => ownerCondition(ctx.resources, r));
    if (all.length > 0 && all.every((c) => typeof c === 'string')) {
      const distinct = [...new Set(all as string[])];
      if (distinct.length === 1) apiCondition = distinct[0];
      else {
        conditions.push(['ServerlessRestApiCondition', combinedCondition(distinct)]);
        apiCondition = 'ServerlessRestApiCondition';
      }
    }
  }
  // SAM's Globals pass: a managed definition takes the OpenApiVersion (3.x) in place of `swagger`.
  const version = api.properties.OpenApiVersion;
  if (version !== undefined && isOpenApi3(version)) {
    doc.openapi = pyStr(version);
    if (typeof version === 'string') where.prov.unicodeValue(doc, 'openapi');
    where.prov.deleteKey(doc, 'swagger');
  }
  return { doc, conditions, apiCondition };
}

function endpointConfiguration(value: Json): { EndpointConfiguration: JsonObject; Parameters: JsonObject } {
  if (isObject(value) && value.Type) {
    const config: JsonObject = { Types: [value.Type] };
    if ('VPCEndpointIds' in value) config.VpcEndpointIds = value.VPCEndpointIds;
    return { EndpointConfiguration: config, Parameters: { endpointConfigurationTypes: value.Type } };
  }
  return { EndpointConfiguration: { Types: [value] }, Parameters: { endpointConfigurationTypes: value } };
}



export function lowerApi(api: RestApi, ctx: LowerContext): LoweredApi {
  const props = api.properties;
  const id = api.logicalId;
  const propsPath = api.implicit ? api.path : [...api.path, 'Properties'];
  for (const key of Object.keys(props)) {
    if (!SUPPORTED_PROPERTIES.has(key)) {
      const known = [...SUPPORTED_PROPERTIES].find((p) => p.toLowerCase() === key.toLowerCase());
      const hint = known ? ` Did you mean '${known}'?` : '';
      reject('sam/unsupported-property', `Property '${key}' is not defined for resource of type AWS::Serverless::Api.${hint}`, [...propsPath, key], id);
    }
  }
  const auth = checkApiAuthShape(api);
  if (props.DefinitionUri) {
    if (auth) reject('sam/invalid-api', "Auth works only with inline Swagger specified in 'DefinitionBody' property.", [...propsPath, 'DefinitionUri'], id);
    reject('sam/unsupported-property', "An API whose events carry Auth needs an inline 'DefinitionBody'; 'DefinitionUri' cannot be edited.", [...propsPath, 'DefinitionUri'], id);
  }
  if (props.OpenApiVersion !== undefined && !/^[2-3](\.\d)(\.\d)?$/.test(pyStr(props.OpenApiVersion))) {
    reject('sam/invalid-api', "The OpenApiVersion value must be of the format '3.0.0'.", [...propsPath, 'OpenApiVersion'], id);
  }
  const prov = new Provenance();
  // Everything the lowering copies out of the template (Auth values, event properties) is unicode to SAM.
  prov.fromTemplate(props);
  for (const route of api.routes) prov.fromTemplate(route.properties);
  const where: DocWhere = { path: api.managedDefinition ? [...propsPath] : [...propsPath, 'DefinitionBody'], resource: id, prov };
  const stageName = props.StageName;
  if (typeof stageName === 'string' && stageName === '') reject('sam/invalid-api', 'StageName cannot be empty.', [...propsPath, 'StageName'], id);
  const stageSuffix = typeof stageName === 'string' ? stageName : 'Stage';

  // A. The definition SAM starts from.
  const order = ctx.order ?? new TemplateOrder(ctx.resources);
  const start = startDefinition(api, ctx, order, where);
  const doc = start.doc;
  // HttpApi events aimed at this REST API: SAM writes them while it translates their functions.
  const httpApiPermissions = applyHttpApiEvents({ api, resources: ctx.resources, order, doc, where });
  // B. Each Api event. With MergeDefinitions, SAM writes each event into a skeleton and merges its method into the body.
  const mergeDefinitions = Boolean(props.MergeDefinitions);
  // The events' sessions and the API's own: nothing edits the doc between them, so they chain (EditorSessions).
  const sessions = new EditorSessions(doc, where);
  const events = applyEvents({
    api,
    resources: ctx.resources,
    order,
    doc,
    where,
    stageSuffix,
    writesDefinition: Boolean(api.managedDefinition) || mergeDefinitions,
    mergeDefinitions,
    sessions,
  });
  // C. The API's own properties, each in its own editor session.
  if (props.Cors) {
    if (!isValidDefinition(doc)) reject('sam/invalid-api', "Unable to add Cors configuration because 'DefinitionBody' does not contain a valid Swagger definition.", [...propsPath, 'Cors'], id);
    const cors = props.Cors;
    sessions.session(() => addCors(doc, cors, where, [...propsPath, 'Cors']));
  }
  // SAM's _add_auth and _add_models end with the OpenAPI 3 post-processing, and the RestApi runs it once more.
  let openApiVersion: Json | undefined = props.OpenApiVersion;
  if (isObject(props.Auth) && Object.keys(props.Auth).length > 0) {
    sessions.session(() => addApiAuth(api, doc, where, stageName ?? null));
    openApiVersion = openApiPostprocess(doc, openApiVersion, where);
  }
  if (props.GatewayResponses) {
    const responses = props.GatewayResponses;
    sessions.session(() => addGatewayResponses(doc, responses, where, [...propsPath, 'GatewayResponses']));
  }
  if (props.BinaryMediaTypes) {
    const types = props.BinaryMediaTypes;
    sessions.session(() => addBinaryMediaTypes(doc, types, where));
  }
  if (isObject(props.Models) && Object.keys(props.Models).length > 0) {
    const models = props.Models;
    sessions.session(() => addModels(doc, models, where, [...propsPath, 'Models']));
    openApiVersion = openApiPostprocess(doc, openApiVersion, where);
  }
  const disable = props.DisableExecuteApiEndpoint;
  if (disable !== undefined && disable !== null) sessions.session(() => addDisableExecuteApiEndpoint(doc, disable));
  sessions.end();
  openApiPostprocess(doc, openApiVersion, where);

  // D. The resources.
  const resources: [string, JsonObject][] = [];
  const references: Record<string, string> = {};
  const apiAttributes = { ...api.attributes };
  if (start.apiCondition !== undefined) apiAttributes.Condition = start.apiCondition;
  const derived = passthrough(apiAttributes);

  const restProps: JsonObject = { Body: doc };
  if (props.BinaryMediaTypes !== undefined) restProps.BinaryMediaTypes = props.BinaryMediaTypes;
  if (props.MinimumCompressionSize !== undefined) restProps.MinimumCompressionSize = props.MinimumCompressionSize;
  if (props.EndpointConfiguration) Object.assign(restProps, endpointConfiguration(props.EndpointConfiguration));
  // SAM writes these only when truthy.
  for (const key of ['FailOnWarnings', 'Name', 'Description', 'Mode', 'ApiKeySourceType']) if (props[key]) restProps[key] = props[key];
  // SAM's PropagateTags gives the API's Tags to every generated resource that takes Tags (RestApi, Stage,
  // DomainName, UsagePlan, ApiKey), replacing what they had; nothing happens without Tags.
  const propagateTags = props.PropagateTags === true && isObject(props.Tags) && Object.keys(props.Tags).length > 0 ? props.Tags : undefined;
  if (propagateTags) restProps.Tags = tagList(propagateTags);
  const restApi: JsonObject = { Type: 'AWS::ApiGateway::RestApi', Properties: restProps };
  for (const key of ['DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'UpdatePolicy']) {
    if (apiAttributes[key] !== undefined) restApi[key] = apiAttributes[key];
  }
  resources.push([id, restApi]);

  const stageId = stageLogicalId(id, stageName);
  let domainForHash: JsonObject | undefined;
  if (props.Domain !== undefined && props.Domain !== null) {
    const r = lowerDomain(
      { apiId: id, domain: props.Domain, stageId, attributes: derived, ...(propagateTags ? { propagateTags } : {}), location: { path: [...propsPath, 'Domain'], resource: id } },
      ctx.recordSetGroups,
    );
    stopOnError(r.diagnostics);
    resources.push(...r.resources.map((g): [string, JsonObject] => [g.logicalId, g.resource]));
    domainForHash = r.domainForHash;
    if (r.references.DomainName) references.DomainName = r.references.DomainName;
    if (r.references.DomainNameV2) references.DomainNameV2 = r.references.DomainNameV2;
  }

  const hashOptions: { openApiVersion?: string; domain?: Json } = {};
  if (props.OpenApiVersion) hashOptions.openApiVersion = pyStr(props.OpenApiVersion);
  if (domainForHash) hashOptions.domain = domainForHash;
  const deployment = deploymentLogicalId(id, doc, prov, hashOptions);
  const deploymentId = deployment.logicalId;
  const deploymentProps: JsonObject = { Description: deployment.description, RestApiId: { Ref: id } };
  if (!props.OpenApiVersion) deploymentProps.StageName = 'Stage';
  resources.push([deploymentId, { Type: 'AWS::ApiGateway::Deployment', Properties: deploymentProps, ...derived }]);
  references.Deployment = deploymentId;

  const stageProps: JsonObject = { DeploymentId: { Ref: deploymentId }, RestApiId: { Ref: id }, StageName: stageName ?? null };
  copyGiven(props, stageProps, ['CacheClusterEnabled', 'CacheClusterSize', 'Variables', 'MethodSettings', 'AccessLogSetting', 'CanarySetting', 'TracingEnabled']);
  if (props.Tags !== undefined && props.Tags !== null) stageProps.Tags = tagList(props.Tags);
  resources.push([stageId, { Type: 'AWS::ApiGateway::Stage', Properties: stageProps, ...derived }]);
  references.Stage = stageId;

  if (auth) {
    for (const [name, authorizer] of apiAuthorizers(api, auth, false)) {
      if (authorizer === 'AWS_IAM' || !authorizer.FunctionArn || authorizer.DisableFunctionDefaultPermissions) continue;
      resources.push([
        authorizerPermissionId(id, name),
        {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            Action: 'lambda:InvokeFunction',
            FunctionName: authorizer.FunctionArn,
            Principal: 'apigateway.amazonaws.com',
            SourceArn: {
              'Fn::Sub': ['arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: { Ref: id } }],
            },
          },
          ...derived,
        },
      ]);
    }
    if (auth.UsagePlan !== undefined && auth.UsagePlan !== null) {
      const r = lowerUsagePlan(
        {
          apiId: id,
          usagePlan: auth.UsagePlan,
          stageId,
          attributes: derived,
          hasConditionsSection: ctx.hasConditionsSection,
          ...(propagateTags ? { propagateTags } : {}),
          location: { path: [...propsPath, 'Auth', 'UsagePlan'], resource: id },
        },
        ctx.sharedUsagePlan,
      );
      stopOnError(r.diagnostics);
      resources.push(...r.resources.map((g): [string, JsonObject] => [g.logicalId, g.resource]));
      Object.assign(references, r.references);
    }
  }
  resources.push(...events.resources, ...httpApiPermissions);
  return { resources, references, conditions: start.conditions, apiCondition: start.apiCondition, hashInput: deployment.hashInput };
}
