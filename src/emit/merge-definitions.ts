/**
 * `MergeDefinitions: true` (SAM's Api event source, `_add_swagger_integration` / `_get_merged_definitions`):
 * each Api event writes its path into a fresh Swagger skeleton, as if SAM managed the API, and then only that
 * one method is merged into the user's DefinitionBody:
 *   - the body is shallow-copied (`dict.copy()`; `paths` and everything below stay shared);
 *   - the user's method (`paths[Path][Method]`, the event's Method lower-cased, `any` not renamed) and the
 *     generated one are merged key by key into a new plain dict, the generated value winning a conflict
 *     (`{**user, **generated}`): the user's keys first, in their order, then the generated ones;
 *   - a path the user did not write becomes a plain `{Method: merged}`.
 * Everything else the event wrote into the skeleton (security definitions, a resource policy) is dropped.
 */
import type { Json, JsonObject, JsonPath } from '../model/json';
import { isObject } from '../model/json';
import { pythonTruthy } from '../model/python';
import { reject, type DocWhere } from './reject';
import { normalizeMethod } from './swagger/paths';
import { iterationOrder } from './deployment-hash/py27-repr';
import { swaggerSkeleton as skeleton } from '../normalize/index';

/** SwaggerEditor.gen_skeleton(): what each merged event writes into. */
export function swaggerSkeleton(where: DocWhere): JsonObject {
  const doc = skeleton();
  // The `{"Ref": "AWS::StackName"}` title is a plain dict literal in SAM.
  where.prov.plainDict((doc.info as JsonObject).title as JsonObject);
  return doc;
}

export interface MergeInput {
  /** The user's DefinitionBody (edited in place). */
  body: JsonObject;
  /** The skeleton the event wrote into. */
  generated: JsonObject;
  path: string;
  /** The event's Method, lower-cased. */
  method: string;
  apiId: string;
  /** Template path of the API's DefinitionBody, to locate errors. */
  bodyPath: JsonPath;
}

/** Copies `from[key]` into `to[key]` with what the provenance knows of the key and of a scalar value. */
function carry(to: JsonObject, from: JsonObject, key: string, keyFrom: JsonObject, where: DocWhere): void {
  to[key] = from[key];
  if (where.prov.isUnicodeKey(keyFrom, key)) where.prov.unicodeKey(to, key);
  if (where.prov.isUnicodeValue(from, key)) where.prov.unicodeValue(to, key);
  if (where.prov.isFloat(from, key)) where.prov.floatValue(to, key);
}

/** Merges the event's generated method into the user's body, as SAM does after each merged event. */
export function mergeGeneratedMethod(input: MergeInput, where: DocWhere): void {
  const { body, path, method } = input;
  where.prov.copiedDict(body);
  // `body.get("paths", {})`: without a `paths` map the merge lands in a dict nobody keeps.
  const paths: Json = 'paths' in body ? body.paths : {};
  const pathItem = isObject(paths) ? paths[path] : undefined;
  if (!isObject(paths) || (pathItem !== undefined && pathItem !== null && !isObject(pathItem))) {
    const bad = !isObject(paths) ? 'paths' : `paths.${path}`;
    reject('sam/invalid-api', `Property 'DefinitionBody' is invalid: ${bad} is not a map.`, [...input.bodyPath, ...(isObject(paths) ? ['paths', path] : ['paths'])], input.apiId);
  }
  const found = isObject(pathItem) ? pathItem[method] : undefined;
  const userMethod: Json = pythonTruthy(found) ? (found as Json) : {};
  if (!isObject(userMethod)) {
    reject('sam/invalid-api', `Property 'DefinitionBody.paths.${path}.${method}' should be a map.`, [...input.bodyPath, 'paths', path, method], input.apiId);
  }

  const generatedPaths = input.generated.paths as JsonObject;
  const generatedMethod = (generatedPaths[path] as JsonObject)[normalizeMethod(method)] as JsonObject;
  const merged: JsonObject = {};
  const order: string[] = [];
  for (const key of Object.keys(userMethod).length > 0 ? iterationOrder(userMethod, where.prov) : []) {
    // A key both have keeps the user's key object (and its unicode mark), with the generated value.
    carry(merged, key in generatedMethod ? generatedMethod : userMethod, key, userMethod, where);
    order.push(key);
  }
  for (const key of iterationOrder(generatedMethod, where.prov)) {
    if (order.includes(key)) continue;
    carry(merged, generatedMethod, key, generatedMethod, where);
    order.push(key);
  }
  where.prov.plainDict(merged);
  where.prov.keyOrder(merged, order);

  if (isObject(pathItem)) {
    if (!(method in pathItem)) where.prov.unicodeKey(pathItem, method);
    pathItem[method] = merged;
    return;
  }
  const item: JsonObject = { [method]: merged };
  where.prov.plainDict(item);
  where.prov.unicodeKey(item, method);
  paths[path] = item;
  where.prov.unicodeKey(paths, path);
}
