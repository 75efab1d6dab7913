/**
 * Usage plans: SAM's `Auth.UsagePlan` (CreateUsagePlan PER_API / SHARED / NONE) lowered into
 * AWS::ApiGateway::UsagePlan / ApiKey / UsagePlanKey with SAM's logical ids and attributes.
 *
 * HOW THE EMITTER CALLS THIS:
 *   const shared = newSharedUsagePlan();                 // once per template, before the first API
 *   for each lowered API, in SAM's API order (the order SAM translates AWS::Serverless::Api resources,
 *   the implicit ServerlessRestApi among them), after its Stage logical id is known:
 *     const r = lowerUsagePlan({ apiId, usagePlan: auth.UsagePlan, stageId, attributes, hasConditionsSection,
 *                                location }, shared);
 *     add r.resources (PER_API: `<Api>UsagePlan`, `<Api>ApiKey`, `<Api>UsagePlanKey`) to Resources, in order.
 *   after the last API:
 *     const s = finishSharedUsagePlan(shared);
 *     add s.resources (`ServerlessUsagePlan`, `ServerlessApiKey`, `ServerlessUsagePlanKey`) to Resources;
 *     if s.condition is set, put it in the template's Conditions under `SharedUsagePlanCondition`
 *     (`SHARED_USAGE_PLAN_CONDITION`); the shared resources then carry `Condition: SharedUsagePlanCondition`.
 *   Diagnostics: stop lowering on error. `r.references` gives what `!Ref <Api>.UsagePlan` / `.ApiKey` /
 *   `.UsagePlanKey` resolve to (SAM: the resource that API made, the shared one for SHARED).
 *
 * Resources are `{ logicalId, resource }` with `resource` the full CloudFormation resource
 * (`Type`, `Properties`, then `DependsOn`/`Condition`/`DeletionPolicy`/`UpdateReplacePolicy` as SAM writes them).
 * The shared state is the explicit accumulator; nothing is global.
 */
import type { Diagnostic } from '../diagnostics/types';
import type { Json, JsonObject, JsonPath } from '../model/json';

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
  /** `Auth.UsagePlan` as written (after Globals); undefined when absent. */
  usagePlan: Json | undefined;
  /** Logical id of the API's Stage resource (e.g. `MyApiProdStage`). */
  stageId: string;
  /** The API's Condition / DeletionPolicy / UpdateReplacePolicy as written. */
  attributes: PassthroughAttributes;
  /** True when the template has a `Conditions` section (SAM errors on a conditional SHARED API otherwise). */
  hasConditionsSection: boolean;
  /** Template path of the UsagePlan value, and the resource to blame. */
  location: { path: JsonPath; resource: string };
}

/** The accumulator SAM keeps across all APIs of one template for CreateUsagePlan: SHARED. */
export interface SharedUsagePlan {
  /** Set once any API asked for SHARED. */
  used: boolean;
  dependsOn: string[];
  apiStages: JsonObject[];
  stageKeys: JsonObject[];
  conditions: string[];
  anyApiWithoutCondition: boolean;
  deletionPolicy?: Json;
  updateReplacePolicy?: Json;
  /** Optional UsagePlan properties from the last SHARED API (SAM rebuilds the resource per API). */
  properties: JsonObject;
  /** Resource attributes as computed at the last SHARED API. */
  attributes: JsonObject;
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

export function newSharedUsagePlan(): SharedUsagePlan {
  return {
    used: false,
    dependsOn: [],
    apiStages: [],
    stageKeys: [],
    conditions: [],
    anyApiWithoutCondition: false,
    properties: {},
    attributes: {},
  };
}

/** SAM ApiGenerator `_construct_usage_plan` for one API; SHARED updates `shared` in place. */
export function lowerUsagePlan(input: UsagePlanInput, shared: SharedUsagePlan): UsagePlanResult {
  void input;
  void shared;
  throw new Error('lowerUsagePlan: not implemented yet');
}

/** The shared usage plan resources as they stand after the last API. */
export function finishSharedUsagePlan(shared: SharedUsagePlan): SharedUsagePlanResult {
  void shared;
  throw new Error('finishSharedUsagePlan: not implemented yet');
}
