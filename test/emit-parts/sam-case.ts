/**
 * Test-only reading of a SAM conformance case: the input template (CloudFormation short-form tags expanded),
 * the expected output, and a small model of what SAM does before our parts run (Globals.Api merged into each
 * API, parameter `Ref`s replaced by their defaults, Api events gathered per API in SAM's order).
 * Deliberately simple: just enough to feed the emit parts the inputs the emitter will feed them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, load } from 'js-yaml';
import { isObject, type Json, type JsonObject } from '../../src/model/json';

/** The conformance folder; tests and scripts run from the repository root. */
export const CONFORMANCE = join(process.cwd(), '../shared/conformance/sam');

interface ManifestEntry {
  case: string;
  kind: 'ok' | 'error';
  features: string[];
}

export function casesWith(feature: string): ManifestEntry[] {
  const manifest = JSON.parse(readFileSync(join(CONFORMANCE, 'manifest.json'), 'utf8')) as ManifestEntry[];
  return manifest.filter((c) => c.features.includes(feature));
}

const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
};
for (const fn of ['Sub', 'Join', 'If', 'Equals', 'Not', 'And', 'Or', 'Select', 'Split', 'FindInMap', 'Base64', 'GetAZs', 'ImportValue', 'Cidr', 'Transform', 'ToJsonString', 'Length']) {
  SHORT_FORMS[fn] = `Fn::${fn}`;
}

const cfnTags = Object.entries(SHORT_FORMS).flatMap(([short, long]) => [
  defineScalarTag(`!${short}`, {
    resolve: (source: string) => ({ [long]: short === 'GetAtt' ? source.split('.') : source }),
    identify: () => false,
  }),
  defineSequenceTag<unknown[], JsonObject>(`!${short}`, {
    create: () => [],
    addItem: (carrier, item) => {
      carrier.push(item);
    },
    finalize: (carrier) => ({ [long]: carrier as Json[] }),
    identify: () => false,
  }),
  defineMappingTag<Record<string, unknown>, JsonObject>(`!${short}`, {
    create: () => ({}),
    addPair: (carrier, key, value) => {
      carrier[String(key)] = value;
      return '';
    },
    has: (carrier, key) => String(key) in carrier,
    keys: (result) => Object.keys(result[long] as JsonObject),
    get: (result, key) => (result[long] as JsonObject)[String(key)],
    finalize: (carrier) => ({ [long]: carrier as JsonObject }),
    identify: () => false,
  }),
]);

const SCHEMA = CORE_SCHEMA.withTags(cfnTags);

export interface SamCase {
  name: string;
  input: JsonObject;
  expected?: JsonObject;
  error?: string;
}

export function readCase(name: string): SamCase {
  const dir = join(CONFORMANCE, name);
  const input = load(readFileSync(join(dir, 'input.yaml'), 'utf8'), { schema: SCHEMA }) as JsonObject;
  const c: SamCase = { name, input };
  if (existsSync(join(dir, 'expected.json'))) c.expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as JsonObject;
  if (existsSync(join(dir, 'error.json'))) c.error = (JSON.parse(readFileSync(join(dir, 'error.json'), 'utf8')) as { errorMessage: string }).errorMessage;
  return c;
}

/** The oracle's parameter values, then each parameter's Default (SAM's intrinsic resolver). */
export function parameterValues(input: JsonObject): Record<string, Json> {
  const values: Record<string, Json> = { param1: 'value1', param2: 'value2' };
  const params = input['Parameters'];
  if (isObject(params)) {
    for (const [name, p] of Object.entries(params)) {
      if (isObject(p) && p['Default'] !== undefined && !(name in values)) values[name] = p['Default'];
    }
  }
  return values;
}

/** Replace `{Ref: <parameter>}` by the parameter's value, as SAM does in SAM resources' properties. */
export function resolveParameters(value: Json, params: Record<string, Json>): Json {
  if (Array.isArray(value)) return value.map((v) => resolveParameters(v, params));
  if (isObject(value)) {
    const keys = Object.keys(value);
    const ref = value['Ref'];
    if (keys.length === 1 && typeof ref === 'string' && ref in params) return params[ref] as Json;
    const out: JsonObject = {};
    for (const k of keys) out[k] = resolveParameters(value[k] as Json, params);
    return out;
  }
  return value;
}

function isIntrinsic(v: Json | undefined): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/** SAM Globals merge: maps merge key by key (local wins); anything else, intrinsics included, local wins. */
export function mergeGlobals(global: Json | undefined, local: Json | undefined): Json | undefined {
  if (local === undefined) return global;
  if (global === undefined) return local;
  if (isObject(global) && isObject(local) && !isIntrinsic(global) && !isIntrinsic(local)) {
    const out: JsonObject = { ...global };
    for (const [k, v] of Object.entries(local)) {
      const merged = mergeGlobals(global[k], v);
      if (merged !== undefined) out[k] = merged;
    }
    return out;
  }
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local];
  return local;
}

export interface CaseEvent {
  owner: string;
  ownerType: string;
  name: string;
  properties: JsonObject;
}

export interface CaseApi {
  id: string;
  implicit: boolean;
  properties: JsonObject;
  attributes: JsonObject;
  events: CaseEvent[];
}

/** The REST APIs of a template (explicit ones in template order, the implicit one last), Globals applied. */
export function restApis(input: JsonObject): CaseApi[] {
  const params = parameterValues(input);
  const resources = (input['Resources'] ?? {}) as JsonObject;
  const globalsApi = isObject(input['Globals']) ? (input['Globals'] as JsonObject)['Api'] : undefined;
  const apis = new Map<string, CaseApi>();
  // SAM resolves parameter refs in an Api's Auth, Domain and BinaryMediaTypes only.
  const withGlobals = (props: JsonObject): JsonObject => {
    const merged = { ...((mergeGlobals(globalsApi, props) ?? {}) as JsonObject) };
    for (const key of ['Auth', 'Domain', 'BinaryMediaTypes']) {
      if (merged[key] !== undefined) merged[key] = resolveParameters(merged[key] as Json, params);
    }
    return merged;
  };
  for (const [id, r] of Object.entries(resources)) {
    if (!isObject(r) || r['Type'] !== 'AWS::Serverless::Api') continue;
    const attributes: JsonObject = {};
    for (const a of ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'DependsOn']) if (r[a] !== undefined) attributes[a] = r[a] as Json;
    apis.set(id, { id, implicit: false, properties: withGlobals((r['Properties'] ?? {}) as JsonObject), attributes, events: [] });
  }
  for (const [owner, r] of Object.entries(resources)) {
    if (!isObject(r)) continue;
    const type = r['Type'];
    if (type !== 'AWS::Serverless::Function' && type !== 'AWS::Serverless::StateMachine') continue;
    const events = isObject(r['Properties']) ? (r['Properties'] as JsonObject)['Events'] : undefined;
    if (!isObject(events)) continue;
    // SAM walks a resource's events sorted by name.
    for (const name of Object.keys(events).sort()) {
      const e = events[name];
      if (!isObject(e) || e['Type'] !== 'Api') continue;
      const properties = resolveParameters((e['Properties'] ?? {}) as Json, params) as JsonObject;
      const restApiId = properties['RestApiId'];
      const apiId = restApiId === undefined ? 'ServerlessRestApi' : isObject(restApiId) ? String(restApiId['Ref']) : String(restApiId);
      if (!apis.has(apiId) && apiId === 'ServerlessRestApi') {
        apis.set(apiId, { id: apiId, implicit: true, properties: withGlobals({ StageName: 'Prod' }), attributes: {}, events: [] });
      }
      apis.get(apiId)?.events.push({ owner, ownerType: String(type), name, properties });
    }
  }
  return [...apis.values()];
}

/** Sort every list, recursively, as SAM's own tests do before comparing. */
export function deepSortLists(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) {
    return value.map((v) => deepSortLists(v) as Json).sort((a, b) => (JSON.stringify(sortKeys(a)) < JSON.stringify(sortKeys(b)) ? -1 : 1));
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value)) out[k] = deepSortLists(value[k]) as Json;
    return out;
  }
  return value;
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k] as Json);
    return out;
  }
  return value;
}
