import type { Diagnostic } from '../../diagnostics/types';
import { diagnostic } from '../../diagnostics/make';
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { desugarAuthorizer, type DesugaredAuthorizer, type TemplateIndex } from './authorizer';

export const API_AUTHORIZER_TYPE = 'AWS::Serverless::ApiAuthorizer';
export const GLOBALS_PATH: JsonPath = ['Globals', 'ApiAuthorizer'];

/** One `AWS::Serverless::ApiAuthorizer` resource, desugared once and copied into every API that uses it. */
export interface SharedAuthorizer {
  logicalId: string;
  /** The name it takes in an API (its securityDefinitions key): its `Name`, else its logical id. */
  name: string;
  /** Absent when the resource has an error (already reported); references to it are then left alone. */
  desugared?: DesugaredAuthorizer;
  /** Resources/<id>/Properties: where the authorizer was written. */
  path: JsonPath;
}

export interface SharedAuthorizers {
  byId: Map<string, SharedAuthorizer>;
  diagnostics: Diagnostic[];
}

/**
 * Every ApiAuthorizer resource with `Globals.ApiAuthorizer` applied as SAM applies Globals: the resource's value
 * wins, maps merge, lists concatenate (the global entries first).
 */
export function collectSharedAuthorizers(template: JsonObject, index: TemplateIndex): SharedAuthorizers {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, SharedAuthorizer>();
  const globals = isObject(template.Globals) ? template.Globals.ApiAuthorizer : undefined;
  let defaults: JsonObject = {};
  if (globals !== undefined) {
    if (isObject(globals)) defaults = globals;
    else diagnostics.push(diagnostic('dialect/invalid-api-authorizer', 'Globals.ApiAuthorizer must be a map of authorizer properties.', GLOBALS_PATH));
  }

  const resources = isObject(template.Resources) ? template.Resources : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== API_AUTHORIZER_TYPE) continue;
    const path: JsonPath = ['Resources', logicalId, 'Properties'];
    const own = resource.Properties ?? {};
    if (!isObject(own)) {
      diagnostics.push(
        diagnostic('dialect/invalid-api-authorizer', `${logicalId}: Properties must be a map of authorizer properties.`, path, logicalId),
      );
      byId.set(logicalId, { logicalId, name: logicalId, path });
      continue;
    }
    const props = mergeGlobals(defaults, own);
    const name = typeof own.Name === 'string' ? own.Name : logicalId;
    const keyPath = (key: string): JsonPath => (Object.hasOwn(own, key) ? [...path, key] : [...GLOBALS_PATH, key]);
    const { result, diagnostics: found } = desugarAuthorizer(
      { props, path, keyPath, name: logicalId, resource: logicalId, nameIsKey: false, allowIam: true },
      index,
    );
    diagnostics.push(...found);
    if (own.Name !== undefined && typeof own.Name !== 'string') {
      diagnostics.push(diagnostic('dialect/invalid-api-authorizer', `${logicalId}: Name must be a plain string.`, [...path, 'Name'], logicalId));
    }
    byId.set(logicalId, result === undefined ? { logicalId, name, path } : { logicalId, name, path, desugared: result });
  }
  return { byId, diagnostics };
}

function mergeGlobals(global: JsonObject, own: JsonObject): JsonObject {
  if (Object.keys(global).length === 0) return own;
  const merged: JsonObject = { ...global };
  for (const [key, value] of Object.entries(own)) merged[key] = key in global ? mergeValue(global[key], value) : value;
  return merged;
}

function mergeValue(global: Json, own: Json): Json {
  if (isObject(global) && isObject(own) && !isIntrinsic(global) && !isIntrinsic(own)) return mergeGlobals(global, own);
  if (Array.isArray(global) && Array.isArray(own)) return [...global, ...own];
  return own;
}

function isIntrinsic(value: JsonObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}
