/**
 * Usage plans: SAM's `Auth.UsagePlan` (CreateUsagePlan PER_API / SHARED / NONE) lowered into
 * AWS::ApiGateway::UsagePlan / ApiKey / UsagePlanKey with SAM's logical ids and attributes.
 *
 * HOW THE EMITTER CALLS THIS:
 *   const shared = newSharedUsagePlan();                 // once per template, before the first API
 *   for each lowered API, in SAM's API order (explicit APIs in template order, the implicit ServerlessRestApi
 *   last), once its Stage logical id is known:
 *     const r = lowerUsagePlan({ apiId, usagePlan: auth.UsagePlan, stageId, attributes, hasConditionsSection,
 *                                propagateTags, location }, shared);
 *     - add r.resources to Resources, in order (PER_API: `<Api>UsagePlan`, `<Api>ApiKey`, `<Api>UsagePlanKey`);
 *     - r.references says what `!Ref <Api>.UsagePlan` / `.ApiKey` / `.UsagePlanKey` resolve to (the shared
 *       `Serverless*` ids for a SHARED API).
 *   after the last API:
 *     const s = finishSharedUsagePlan(shared);
 *     - add s.resources (`ServerlessUsagePlan`, `ServerlessApiKey`, `ServerlessUsagePlanKey`) to Resources;
 *     - if s.condition is not undefined, set Conditions[SHARED_USAGE_PLAN_CONDITION] = s.condition (the shared
 *       resources then carry `Condition: SharedUsagePlanCondition`). SAM writes a lone condition's name there
 *       as a bare string, and drops the entry as soon as one SHARED API has no Condition; we reproduce both.
 *   Inputs must be as SAM sees them: `usagePlan` with `!Ref` to template Parameters replaced by their value
 *   (SAM resolves parameter refs in `Auth`). Stop lowering on an error diagnostic.
 *
 * Each resource is `{ logicalId, resource }`, `resource` the whole CloudFormation resource
 * (`Type`, `DependsOn`, then `DeletionPolicy`/`UpdateReplacePolicy`/`Condition`, then `Properties`).
 * The shared state is the explicit accumulator (SAM's SharedApiUsagePlan); nothing is global.
 */
import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import { isObject, type Json, type JsonObject, type JsonPath } from '../model/json';
import { copyTruthy, pythonEquals, pythonTruthy } from '../model/python';

export const SHARED_USAGE_PLAN_CONDITION = 'SharedUsagePlanCondition';

export interface GeneratedResource {
  logicalId: string;
  resource: JsonObject;
}

/** Resource attributes SAM passes through from the API to what it generates. */
export interface PassthroughAttributes {
  Condition?: Json;
  DeletionPolicy?: Json;
  UpdateReplacePolicy?: Json;
}

export interface UsagePlanInput {
  /** Logical id of the API (`MyApi`, or `ServerlessRestApi`). */
  apiId: string;
  /** `Auth.UsagePlan` as written (after Globals, parameter refs resolved); undefined when absent. */
  usagePlan: Json | undefined;
  /** Logical id of the API's Stage resource (e.g. `MyApiProdStage`). */
  stageId: string;
  /** The API's Condition / DeletionPolicy / UpdateReplacePolicy as written. */
  attributes: PassthroughAttributes;
  /** True when the template has a `Conditions` section (SAM rejects a conditional SHARED API otherwise). */
  hasConditionsSection: boolean;
  /** The API's `Tags` when `PropagateTags` is true: they replace the Tags of the UsagePlan and ApiKey. */
  propagateTags?: JsonObject;
  /** Template path of the UsagePlan value, and the resource to blame. */
  location: { path: JsonPath; resource: string };
}

/** The accumulator SAM keeps across all APIs of one template for CreateUsagePlan: SHARED. */
export interface SharedUsagePlan {
  /** The shared resources as the last SHARED API built them (SAM rebuilds them per API; the last wins). */
  last?: { properties: JsonObject; apiKeyTags?: Json; attributes: JsonObject };
  dependsOn: string[];
  apiStages: JsonObject[];
  stageKeys: JsonObject[];
  /** Conditions of the SHARED APIs, in first-seen order (SAM keeps a set). */
  conditions: string[];
  anyApiWithoutCondition: boolean;
  deletionPolicy?: Json;
  updateReplacePolicy?: Json;
  /** `SharedUsagePlanCondition` as it stands in the template's Conditions; undefined = not present. */
  condition?: Json;
}

export interface UsagePlanResult {
  /** PER_API resources, in SAM's order: UsagePlan, ApiKey, UsagePlanKey. Empty for SHARED / NONE / absent. */
  resources: GeneratedResource[];
  /** What `<Api>.UsagePlan`, `<Api>.ApiKey`, `<Api>.UsagePlanKey` refer to, when this API made them. */
  references: { UsagePlan?: string; ApiKey?: string; UsagePlanKey?: string };
  diagnostics: Diagnostic[];
}

export interface SharedUsagePlanResult {
  /** ServerlessUsagePlan, ServerlessApiKey, ServerlessUsagePlanKey; empty when no API used SHARED. */
  resources: GeneratedResource[];
  /** The value of Conditions.SharedUsagePlanCondition, when SAM leaves one in the template. */
  condition?: Json;
}

const USAGE_PLAN_PROPERTIES = ['CreateUsagePlan', 'Description', 'Quota', 'Tags', 'Throttle', 'UsagePlanName'];
/** The optional properties SAM copies onto the UsagePlan when truthy, in its order. */
const COPIED_PROPERTIES = ['UsagePlanName', 'Description', 'Quota', 'Tags', 'Throttle'];
const CREATE_VALUES = ['SHARED', 'PER_API', 'NONE'];

export const SHARED_IDS = {
  UsagePlan: 'ServerlessUsagePlan',
  ApiKey: 'ServerlessApiKey',
  UsagePlanKey: 'ServerlessUsagePlanKey',
} as const;

export function newSharedUsagePlan(): SharedUsagePlan {
  return { dependsOn: [], apiStages: [], stageKeys: [], conditions: [], anyApiWithoutCondition: false };
}

/** SAM ApiGenerator `_construct_usage_plan` for one API; SHARED updates `shared` in place. */
export function lowerUsagePlan(input: UsagePlanInput, shared: SharedUsagePlan): UsagePlanResult {
  const { apiId, usagePlan, stageId, location } = input;
  const none: UsagePlanResult = { resources: [], references: {}, diagnostics: [] };
  if (usagePlan === undefined || usagePlan === null) return none;
  const fail = (message: string, path: JsonPath = location.path): UsagePlanResult => ({
    ...none,
    diagnostics: [diagnostic('sam/invalid-usage-plan', message, path, location.resource)],
  });
  if (!isObject(usagePlan)) return fail("'UsagePlan' must be a dictionary");
  const unknown = Object.keys(usagePlan).find((k) => !USAGE_PLAN_PROPERTIES.includes(k));
  if (unknown !== undefined) return fail("Invalid property for 'UsagePlan'", [...location.path, unknown]);
  const create = usagePlan['CreateUsagePlan'];
  if (create === undefined || create === null) return fail("'CreateUsagePlan' is a required field for UsagePlan.");
  if (typeof create !== 'string' || !CREATE_VALUES.includes(create)) {
    return fail("'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].", [...location.path, 'CreateUsagePlan']);
  }
  if (create === 'NONE') return none;

  const apiStage: JsonObject = { ApiId: { Ref: apiId }, Stage: { Ref: stageId } };
  const stageKey: JsonObject = { RestApiId: { Ref: apiId }, StageName: { Ref: stageId } };
  const properties = copyTruthy(usagePlan, {}, COPIED_PROPERTIES);
  // SAM's PropagateTags runs over everything the API generated and replaces each resource's Tags.
  const propagated = input.propagateTags === undefined ? undefined : tagList(input.propagateTags);
  if (propagated !== undefined) properties['Tags'] = propagated;

  if (create === 'PER_API') {
    const ids = { UsagePlan: `${apiId}UsagePlan`, ApiKey: `${apiId}ApiKey`, UsagePlanKey: `${apiId}UsagePlanKey` };
    const attributes = passthrough(input.attributes);
    return {
      resources: [
        usagePlanResource(ids.UsagePlan, [apiId], attributes, [apiStage], properties),
        apiKeyResource(ids.ApiKey, ids.UsagePlan, attributes, [stageKey], propagated),
        usagePlanKeyResource(ids.UsagePlanKey, ids.ApiKey, ids.UsagePlan, attributes),
      ],
      references: ids,
      diagnostics: [],
    };
  }

  // SHARED: one plan for every API; the API joins the shared lists and the shared attributes.
  const condition = input.attributes.Condition;
  if (condition !== undefined && condition !== null && !input.hasConditionsSection && !shared.anyApiWithoutCondition) {
    const known = typeof condition === 'string' && shared.conditions.includes(condition);
    if (!known) {
      return {
        ...none,
        diagnostics: [
          diagnostic(
            'sam/invalid-usage-plan',
            "Can't have condition without having 'Conditions' section in the template",
            ['Resources', apiId, 'Condition'],
            location.resource,
          ),
        ],
      };
    }
  }
  if (!shared.dependsOn.includes(apiId)) shared.dependsOn.push(apiId);
  if (!shared.apiStages.some((s) => pythonEquals(s, apiStage))) shared.apiStages.push(apiStage);
  if (!shared.stageKeys.some((s) => pythonEquals(s, stageKey))) shared.stageKeys.push(stageKey);
  combineAttributes(shared, input.attributes);
  shared.last = { properties, attributes: sharedAttributes(shared) };
  if (propagated !== undefined) shared.last.apiKeyTags = propagated;
  return { resources: [], references: { ...SHARED_IDS }, diagnostics: [] };
}

/** The shared usage plan resources as they stand after the last API. */
export function finishSharedUsagePlan(shared: SharedUsagePlan): SharedUsagePlanResult {
  const last = shared.last;
  if (last === undefined) return { resources: [] };
  const result: SharedUsagePlanResult = {
    resources: [
      usagePlanResource(SHARED_IDS.UsagePlan, [...shared.dependsOn], last.attributes, [...shared.apiStages], last.properties),
      apiKeyResource(SHARED_IDS.ApiKey, SHARED_IDS.UsagePlan, last.attributes, [...shared.stageKeys], last.apiKeyTags),
      usagePlanKeyResource(SHARED_IDS.UsagePlanKey, SHARED_IDS.ApiKey, SHARED_IDS.UsagePlan, last.attributes),
    ],
  };
  if (shared.condition !== undefined) result.condition = shared.condition;
  return result;
}

/** SAM SharedApiUsagePlan: Retain wins for DeletionPolicy; Retain, then Snapshot over Delete, for UpdateReplacePolicy. */
function combineAttributes(shared: SharedUsagePlan, attributes: PassthroughAttributes): void {
  const deletion = attributes.DeletionPolicy;
  if (pythonTruthy(deletion) && deletion !== undefined) {
    if (!pythonTruthy(shared.deletionPolicy) || deletion === 'Retain') shared.deletionPolicy = deletion;
  }
  const replace = attributes.UpdateReplacePolicy;
  if (pythonTruthy(replace) && replace !== undefined) {
    if (
      !pythonTruthy(shared.updateReplacePolicy) ||
      replace === 'Retain' ||
      (replace === 'Snapshot' && shared.updateReplacePolicy === 'Delete')
    ) {
      shared.updateReplacePolicy = replace;
    }
  }
  if (shared.anyApiWithoutCondition) return;
  const condition = attributes.Condition;
  if (condition === undefined || condition === null) {
    shared.anyApiWithoutCondition = true;
    delete shared.condition;
    return;
  }
  const name = typeof condition === 'string' ? condition : JSON.stringify(condition);
  if (!pythonTruthy(condition) || shared.conditions.includes(name)) return;
  shared.conditions.push(name);
  shared.condition =
    shared.conditions.length === 1 ? condition : { 'Fn::Or': shared.conditions.map((c) => ({ Condition: c })) };
}

function sharedAttributes(shared: SharedUsagePlan): JsonObject {
  const out: JsonObject = {};
  if (pythonTruthy(shared.deletionPolicy) && shared.deletionPolicy !== undefined) out['DeletionPolicy'] = shared.deletionPolicy;
  if (pythonTruthy(shared.updateReplacePolicy) && shared.updateReplacePolicy !== undefined) {
    out['UpdateReplacePolicy'] = shared.updateReplacePolicy;
  }
  if (shared.conditions.length > 0 && !shared.anyApiWithoutCondition) out['Condition'] = SHARED_USAGE_PLAN_CONDITION;
  return out;
}

/** The attributes SAM copies from an API onto what it generates for it. */
export function passthrough(attributes: PassthroughAttributes): JsonObject {
  const out: JsonObject = {};
  for (const key of ['DeletionPolicy', 'UpdateReplacePolicy', 'Condition'] as const) {
    const value = attributes[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** SAM get_tag_list: a Tags map as a CloudFormation tag list, in map order (none for anything but a map). */
export function tagList(tags: Json): JsonObject[] {
  return isObject(tags) ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : [];
}

function resource(type: string, dependsOn: string[], attributes: JsonObject, properties: JsonObject): JsonObject {
  return { Type: type, DependsOn: dependsOn, ...attributes, Properties: properties };
}

function usagePlanResource(
  id: string,
  dependsOn: string[],
  attributes: JsonObject,
  apiStages: JsonObject[],
  properties: JsonObject,
): GeneratedResource {
  const props: JsonObject = { ApiStages: apiStages };
  for (const name of ['Description', 'Quota', 'Tags', 'Throttle', 'UsagePlanName']) {
    const value = properties[name];
    if (value !== undefined) props[name] = value;
  }
  return { logicalId: id, resource: resource('AWS::ApiGateway::UsagePlan', dependsOn, attributes, props) };
}

function apiKeyResource(
  id: string,
  usagePlanId: string,
  attributes: JsonObject,
  stageKeys: JsonObject[],
  tags: Json | undefined,
): GeneratedResource {
  const props: JsonObject = { Enabled: true };
  if (tags !== undefined) props['Tags'] = tags;
  props['StageKeys'] = stageKeys;
  return { logicalId: id, resource: resource('AWS::ApiGateway::ApiKey', [usagePlanId], attributes, props) };
}

function usagePlanKeyResource(id: string, apiKeyId: string, usagePlanId: string, attributes: JsonObject): GeneratedResource {
  return {
    logicalId: id,
    resource: resource('AWS::ApiGateway::UsagePlanKey', [apiKeyId], attributes, {
      KeyId: { Ref: apiKeyId },
      KeyType: 'API_KEY',
      UsagePlanId: { Ref: usagePlanId },
    }),
  };
}
