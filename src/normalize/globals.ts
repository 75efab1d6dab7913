import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';

/** True for `{ "Ref": … }` / `{ "Fn::…": … }`: SAM merges an intrinsic like a scalar. */
export function isIntrinsic(value: Json | undefined): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

type Token = 'primitive' | 'dict' | 'list';

function tokenOf(value: Json): Token {
  if (Array.isArray(value)) return 'list';
  if (isObject(value) && !isIntrinsic(value)) return 'dict';
  return 'primitive';
}

/**
 * SAM's Globals merge: maps merge key by key (global keys first, local wins), lists concatenate
 * (global then local), anything else (scalars, intrinsics, type mismatches) takes the local value.
 */
export function mergeGlobal(globalValue: Json, localValue: Json): Json {
  const g = tokenOf(globalValue);
  const l = tokenOf(localValue);
  if (g !== l || g === 'primitive') return localValue;
  if (g === 'list') return [...(globalValue as Json[]), ...(localValue as Json[])];
  const merged: JsonObject = { ...(globalValue as JsonObject) };
  for (const [key, value] of Object.entries(localValue as JsonObject)) {
    merged[key] = key in merged ? mergeGlobal(merged[key], value) : value;
  }
  return merged;
}

/** Properties of an API after `Globals.Api` is merged in (SAM ignores Globals when IgnoreGlobals says so). */
export function applyApiGlobals(globalsApi: JsonObject | undefined, properties: JsonObject, ignoreGlobals: Json | undefined): JsonObject {
  if (!globalsApi) return properties;
  if (ignoreGlobals === '*') return properties;
  let globals = globalsApi;
  if (Array.isArray(ignoreGlobals)) {
    globals = { ...globalsApi };
    for (const key of ignoreGlobals) if (typeof key === 'string') delete globals[key];
  }
  return mergeGlobal(globals, properties) as JsonObject;
}
