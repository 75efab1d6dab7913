/**
 * The parts of SAM's Swagger editor every step shares: conditional (`Fn::If`) contents, method-name
 * normalization, adding a path/method, and walking the method definitions of a path.
 * These functions edit the document they are given (a copy owned by the current lowering phase).
 */
import type { Json, JsonObject } from '../../model/json';
import { isObject } from '../../model/json';
import { type DocWhere, rejectDefinition } from '../reject';

export const X_INTEGRATION = 'x-amazon-apigateway-integration';
export const X_ANY_METHOD = 'x-amazon-apigateway-any-method';
/** Path item keys that are not methods. */
const NON_METHOD_FIELDS = new Set(['summary', 'description', 'parameters']);

export function isNoValue(value: Json | undefined): boolean {
  return isObject(value) && Object.keys(value).length === 1 && value.Ref === 'AWS::NoValue';
}

/**
 * SAM make_conditional: `{"Fn::If": [condition, value, {"Ref": "AWS::NoValue"}]}`, plain dicts. With `where`, the
 * Deployment id learns that; the condition is unicode (a resource's Condition from the template) unless
 * `conditionIsNative` (a name SAM made up, like `<Api><Path>PathCondition`).
 */
export function makeConditional(condition: Json, value: Json, where?: DocWhere, conditionIsNative = false): JsonObject {
  const noValue: JsonObject = { Ref: 'AWS::NoValue' };
  const args: Json[] = [condition, value, noValue];
  const out: JsonObject = { 'Fn::If': args };
  if (where) {
    where.prov.plainDict(out);
    where.prov.plainDict(noValue);
    if (typeof condition === 'string' && !conditionIsNative) where.prov.unicodeValue(args, 0);
  }
  return out;
}

/** The branches of an `Fn::If` (skipping AWS::NoValue), or the value itself. */
export function conditionalContents(item: Json | undefined, where: DocWhere, subPath: (string | number)[]): Json[] {
  if (isObject(item) && 'Fn::If' in item) {
    const args = item['Fn::If'];
    if (!Array.isArray(args)) rejectDefinition('Value of Fn::If must be a list.', where, [...subPath, 'Fn::If']);
    return args.slice(1).filter((c) => !isNoValue(c));
  }
  return item === undefined ? [null] : [item];
}

/** SAM lower-cases methods and spells `any` as API Gateway's any-method extension. */
export function normalizeMethod(method: Json): string {
  if (typeof method !== 'string' || method === '') return String(method);
  const lower = method.toLowerCase();
  return lower === 'any' ? X_ANY_METHOD : lower;
}

export function pathItemOrReject(item: Json, path: string, where: DocWhere): JsonObject {
  if (!isObject(item)) rejectDefinition(`Value of '${path}' path must be a dictionary according to Swagger spec.`, where, ['paths', path]);
  return item;
}

export function methodOrReject(def: Json, path: string, method: string, where: DocWhere): JsonObject {
  if (!isObject(def)) rejectDefinition(`Definition of method '${method}' for path '${path}' should be a map.`, where, ['paths', path, method]);
  return def;
}

export function pathsOf(doc: JsonObject): JsonObject {
  return doc.paths as JsonObject;
}

/** The path items at `path` (both branches when it is conditional), each checked to be a map. */
export function pathItems(doc: JsonObject, path: string, where: DocWhere): JsonObject[] {
  return conditionalContents(pathsOf(doc)[path], where, ['paths', path]).map((item) => pathItemOrReject(item, path, where));
}

/** SAM add_path: the path and the (normalized) method exist afterwards. */
export function addPath(doc: JsonObject, path: string, method: string, where: DocWhere): void {
  const paths = pathsOf(doc);
  if (!(path in paths)) {
    paths[path] = {};
    where.prov.unicodeKey(paths, path);
  }
  for (const item of pathItems(doc, path, where)) {
    if (!(method in item)) {
      item[method] = {};
      // SAM lower-cases the template's method (still unicode); `any` becomes its native extension name.
      if (method !== X_ANY_METHOD) where.prov.unicodeKey(item, method);
    }
  }
}

export function hasIntegrationDef(def: JsonObject): boolean {
  const integration = def[X_INTEGRATION];
  return integration !== undefined && integration !== null && integration !== false && !(isObject(integration) && Object.keys(integration).length === 0);
}

/** SAM has_integration: every branch of the path has the method with an integration. */
export function hasIntegration(doc: JsonObject, path: string, method: string, where: DocWhere): boolean {
  const paths = pathsOf(doc);
  if (!(path in paths)) return false;
  const items = conditionalContents(paths[path], where, ['paths', path]);
  for (const item of items) if (!isObject(item) || !(method in item)) return false;
  for (const item of items) {
    const def = (item as JsonObject)[method];
    if (!isObject(def)) return false;
    const defs = conditionalContents(def, where, ['paths', path, method]);
    if (!defs.some((d) => isObject(d) && hasIntegrationDef(d))) return false;
  }
  return true;
}

/** Method definitions at path+method that have an integration (SAM iter_on_method_definitions_for_path_at_method). */
export function methodDefsAt(doc: JsonObject, path: string, method: string, where: DocWhere): JsonObject[] {
  const out: JsonObject[] = [];
  for (const item of pathItems(doc, path, where)) {
    for (const def of conditionalContents(item[method], where, ['paths', path, method])) {
      const checked = methodOrReject(def, path, method, where);
      if (hasIntegrationDef(checked)) out.push(checked);
    }
  }
  return out;
}

/** Every (method name, definition) on a path that has an integration (SAM iter_on_all_methods_for_path). */
export function allMethodsOn(doc: JsonObject, path: string, where: DocWhere): [string, JsonObject][] {
  const out: [string, JsonObject][] = [];
  for (const item of pathItems(doc, path, where)) {
    for (const [name, value] of Object.entries(item)) {
      if (NON_METHOD_FIELDS.has(name)) continue;
      for (const def of conditionalContents(value, where, ['paths', path, name])) {
        const checked = methodOrReject(def, path, name, where);
        if (!hasIntegrationDef(checked)) continue;
        out.push([normalizeMethod(name), checked]);
      }
    }
  }
  return out;
}

/** SAM is_valid: a map with a `paths` map and a `swagger` or OpenAPI 3 `openapi` field. */
export function isValidDefinition(doc: Json | undefined): doc is JsonObject {
  if (!isObject(doc) || Object.keys(doc).length === 0 || !isObject(doc.paths)) return false;
  if (doc.swagger) return true;
  if (doc.openapi) return isOpenApi3(doc.openapi);
  return false;
}

export function isOpenApi3(version: Json | undefined): boolean {
  return /^3(\.\d)(\.\d)?$/.test(pyStr(version));
}

/**
 * Python str() of a scalar, as SAM compares versions (`OpenApiVersion`, `swagger`, `openapi`).
 * A version written as a number is a float in PyYAML (`3.0`, `2.0`), and str(3.0) is '3.0'. JS keeps only 3,
 * so an integer-valued number prints as 'N.0': we cannot tell YAML `3` (an int, which SAM would print '3'
 * and reject) from `3.0`, and the float reading is the one people write (`OpenApiVersion: 3.0`).
 */
export function pyStr(value: Json | undefined): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
