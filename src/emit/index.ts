import type { Diagnostic } from '../diagnostics/types';
import type { AuthModel, RestApi } from '../model/auth';
import type { Json, JsonObject, JsonPath } from '../model/json';
import { isObject } from '../model/json';
import type { TransformOptions } from '../transform';
import type { SourceMap } from '../model/source';
import { finishRecordSetGroups, newRecordSetGroups } from './domain';
import { type LoweredApi, lowerApi, type LowerContext } from './lower-api';
import { mayHoldReferences, resolveReferences, type ReferenceTable } from './references';
import { TemplateOrder } from './template-order';
import { Rejection } from './reject';
import { finishSharedUsagePlan, newSharedUsagePlan, SHARED_USAGE_PLAN_CONDITION } from './usage-plan';
import { guessVersionFloat } from './version-floats';

export interface EmitResult {
  fragment: JsonObject;
  diagnostics: Diagnostic[];
}

function withoutConsumedEvents(resource: JsonObject, consumed: Set<string>): JsonObject {
  const properties = resource.Properties;
  if (!isObject(properties) || !isObject(properties.Events)) return resource;
  const events: JsonObject = {};
  for (const [name, event] of Object.entries(properties.Events)) if (!consumed.has(name)) events[name] = event;
  const nextProperties: JsonObject = { ...properties };
  if (Object.keys(events).length > 0) nextProperties.Events = events;
  else delete nextProperties.Events;
  return { ...resource, Properties: nextProperties };
}

/** True when SAM will still see a REST API Globals.Api applies to (an unlowered Serverless::Api or implicit API). */
function globalsApiStillUsed(resources: JsonObject): boolean {
  for (const resource of Object.values(resources)) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'AWS::Serverless::Api') return true;
    const events = isObject(resource.Properties) ? resource.Properties.Events : undefined;
    if (!isObject(events)) continue;
    if (resource.Type !== 'AWS::Serverless::Function' && resource.Type !== 'AWS::Serverless::StateMachine') continue;
    for (const event of Object.values(events)) {
      if (isObject(event) && event.Type === 'Api' && !(isObject(event.Properties) && event.Properties.RestApiId !== undefined)) return true;
    }
  }
  return false;
}

/** What lowering one API needs to know about the whole template; one per template (shared usage plan state). */
export function lowerContext(template: JsonObject, sourceMap?: SourceMap): LowerContext {
  const resources = isObject(template.Resources) ? template.Resources : {};
  return {
    isFloat: sourceMap?.isFloat ? (path: JsonPath) => sourceMap.isFloat?.(path) ?? false : guessVersionFloat,
    resources,
    sharedUsagePlan: newSharedUsagePlan(),
    recordSetGroups: newRecordSetGroups(),
    hasConditionsSection: isObject(template.Conditions),
    order: new TemplateOrder(resources),
  };
}

/**
 * Lowers every REST API that carries auth (in SAM's order: explicit APIs as written, the implicit API last)
 * and returns the template SAM's own pass should see: the API resources SAM would have generated in place of
 * each lowered API, its Api events removed from their functions and state machines, Globals.Api consumed
 * when nothing else needs it, and SAM's `Api.Stage`-style references resolved.
 */
export function emit(model: AuthModel, template: JsonObject, options: TransformOptions): EmitResult {
  const ctx = lowerContext(template, options.sourceMap);
  const diagnostics: Diagnostic[] = [];
  const lowered = new Map<string, { api: RestApi; out: LoweredApi }>();
  for (const api of model.apis) {
    if (!api.hasAuth) continue;
    try {
      lowered.set(api.logicalId, { api, out: lowerApi(api, ctx) });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      diagnostics.push(error.diagnostic);
    }
  }
  if (diagnostics.length > 0 || lowered.size === 0) return { fragment: template, diagnostics };

  const consumedBy = new Map<string, Set<string>>();
  const references: ReferenceTable = new Map();
  const conditions: [string, Json][] = [];
  for (const { api, out } of lowered.values()) {
    for (const route of [...api.routes, ...(api.httpApiRoutes ?? [])]) {
      const set = consumedBy.get(route.owner) ?? new Set<string>();
      set.add(route.eventName);
      consumedBy.set(route.owner, set);
    }
    for (const [property, target] of Object.entries(out.references)) references.set(`${api.logicalId}.${property}`, target);
    conditions.push(...out.conditions);
  }

  const nextResources: JsonObject = {};
  const place = (out: LoweredApi): void => {
    for (const [id, resource] of out.resources) nextResources[id] = resource;
  };
  for (const [id, resource] of Object.entries(ctx.resources)) {
    const hit = lowered.get(id);
    if (hit && !hit.api.implicit) {
      place(hit.out);
      continue;
    }
    const consumed = consumedBy.get(id);
    nextResources[id] = consumed && isObject(resource) ? withoutConsumedEvents(resource, consumed) : resource;
  }
  for (const { api, out } of lowered.values()) if (api.implicit) place(out);

  const shared = finishSharedUsagePlan(ctx.sharedUsagePlan);
  for (const g of shared.resources) nextResources[g.logicalId] = g.resource;
  if (shared.condition !== undefined) conditions.push([SHARED_USAGE_PLAN_CONDITION, shared.condition]);
  for (const g of finishRecordSetGroups(ctx.recordSetGroups)) nextResources[g.logicalId] = g.resource;

  const fragment: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key === 'Resources') fragment.Resources = nextResources;
    else fragment[key] = value;
  }
  if (conditions.length > 0) {
    const existing = isObject(template.Conditions) ? template.Conditions : {};
    fragment.Conditions = { ...existing, ...Object.fromEntries(conditions) };
  }
  if (isObject(fragment.Globals) && 'Api' in fragment.Globals && !globalsApiStillUsed(nextResources)) {
    const globals: JsonObject = { ...fragment.Globals };
    delete globals.Api;
    if (Object.keys(globals).length > 0) fragment.Globals = globals;
    else delete fragment.Globals;
  }
  const sources: Json = [template, options.parameterValues ?? null];
  const resolved = mayHoldReferences(sources, references) ? (resolveReferences(fragment, references) as JsonObject) : fragment;
  return { fragment: resolved, diagnostics };
}
