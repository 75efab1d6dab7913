/** The rest of what SAM writes into an API's definition: gateway responses, binary media types, models, endpoint. */
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { isIntrinsic } from '../../normalize/globals';
import { type DocWhere, reject, rejectDefinition } from '../reject';
import { isOpenApi3 } from './paths';

const RESPONSE_FIELDS = ['ResponseParameters', 'ResponseTemplates', 'StatusCode'];
const PARAMETER_PREFIXES: [string, string][] = [
  ['Headers', 'header.'],
  ['Paths', 'path.'],
  ['QueryStrings', 'querystring.'],
];

export function addGatewayResponses(doc: JsonObject, responses: Json, where: DocWhere, at: JsonPath): void {
  if (!isObject(responses)) return;
  const out: JsonObject = isObject(doc['x-amazon-apigateway-gateway-responses']) ? doc['x-amazon-apigateway-gateway-responses'] : {};
  function fail(message: string, ...keys: string[]): never {
    reject('sam/invalid-api', message, [...at, ...keys], where.resource);
  }
  for (const [type, response] of Object.entries(responses)) {
    if (isIntrinsic(response)) {
      fail('Unable to set GatewayResponses attribute because intrinsic functions are not supported for this field.', type);
    }
    if (!isObject(response)) {
      fail(`Invalid property type '${Array.isArray(response) ? 'list' : typeof response}' for GatewayResponses. Expected an object of type 'GatewayResponse'.`, type);
    }
    for (const key of Object.keys(response)) {
      if (!RESPONSE_FIELDS.includes(key)) fail(`Invalid property '${key}' in 'GatewayResponses' property '${type}'.`, type, key);
    }
  }
  // SAM copies the template's map into a new Py27Dict (its 2.7 order), then writes each response in that order.
  const prov = where.prov;
  for (const type of prov.py27Order(responses)) {
    const r = responses[type] as JsonObject;
    const parameters = isObject(r.ResponseParameters) ? r.ResponseParameters : {};
    for (const key of Object.keys(parameters)) {
      if (!PARAMETER_PREFIXES.some(([k]) => k === key)) fail(`Invalid gateway response parameter '${key}'`, type, 'ResponseParameters', key);
    }
    const prefixed: JsonObject = {};
    for (const [key, prefix] of PARAMETER_PREFIXES) {
      const group = parameters[key];
      if (!isObject(group)) continue;
      for (const name of prov.py27Order(group)) {
        // The template's name keeps the prefixed key unicode; the value is the template's own.
        const param = 'gatewayresponse.' + prefix + name;
        prefixed[param] = group[name];
        prov.unicodeKey(prefixed, param);
        if (prov.isUnicodeValue(group, name)) prov.unicodeValue(prefixed, param);
      }
    }
    const entry: JsonObject = { responseParameters: prefixed, responseTemplates: isObject(r.ResponseTemplates) ? r.ResponseTemplates : (r.ResponseTemplates ?? {}) };
    if (r.StatusCode !== undefined && r.StatusCode !== null) {
      const code = String(r.StatusCode);
      if (!/^[0-9]{1,3}$/.test(code)) fail("Property 'StatusCode' must be numeric", type, 'StatusCode');
      // `str(StatusCode)`: a native str.
      if (code) entry.statusCode = code;
    }
    if (!Object.hasOwn(out, type)) prov.unicodeKey(out, type);
    out[type] = entry;
  }
  if (Object.keys(out).length > 0) doc['x-amazon-apigateway-gateway-responses'] = out;
}

/**
 * SAM's replace_recursively: `~1` becomes `/` in every string and key; each string and key comes out a
 * Py27UniStr, each map a new Py27Dict filled in the template map's 2.7 order.
 */
function slashes(value: Json, where?: DocWhere): Json {
  const prov = where?.prov;
  if (typeof value === 'string') return value.replace(/~1/g, '/');
  if (Array.isArray(value)) {
    const out = value.map((item) => slashes(item, where));
    out.forEach((item, i) => typeof item === 'string' && prov?.unicodeValue(out, i));
    return out;
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const k of prov ? prov.py27Order(value) : Object.keys(value)) {
      const key = k.replace(/~1/g, '/');
      out[key] = slashes(value[k] as Json, where);
      prov?.unicodeKey(out, key);
      if (typeof out[key] === 'string') prov?.unicodeValue(out, key);
    }
    return out;
  }
  return value;
}

export function addBinaryMediaTypes(doc: JsonObject, types: Json, where?: DocWhere): void {
  doc['x-amazon-apigateway-binary-media-types'] = slashes(types, where);
}

export function addModels(doc: JsonObject, models: JsonObject, where: DocWhere, at: JsonPath): void {
  if (!Object.values(models).every(isObject)) reject('sam/invalid-api', "Invalid value for 'Models' property", at, where.resource);
  const definitions: JsonObject = isObject(doc.definitions) && Object.keys(doc.definitions).length > 0 ? doc.definitions : {};
  // `for model_name, schema in models.items()`: the template map's 2.7 order.
  for (const name of where.prov.py27Order(models)) {
    const schema = models[name];
    if (!(schema as JsonObject).type) rejectDefinition("'Models' schema is missing 'type'.", where);
    definitions[name.toLowerCase()] = schema;
    // `.lower()` of the template's model name is still unicode.
    where.prov.unicodeKey(definitions, name.toLowerCase());
  }
  if (Object.keys(definitions).length > 0) doc.definitions = definitions;
}

export function addDisableExecuteApiEndpoint(doc: JsonObject, value: Json): void {
  const key = 'x-amazon-apigateway-endpoint-configuration';
  if (doc.openapi && isOpenApi3(doc.openapi)) {
    const servers = Array.isArray(doc.servers) ? doc.servers : [{}];
    for (const server of servers) {
      if (!isObject(server)) continue;
      const config = isObject(server[key]) ? server[key] : (server[key] = {});
      config.disableExecuteApiEndpoint = value;
    }
    doc.servers = servers;
    return;
  }
  const config = isObject(doc[key]) ? doc[key] : (doc[key] = {});
  config.disableExecuteApiEndpoint = value;
}
