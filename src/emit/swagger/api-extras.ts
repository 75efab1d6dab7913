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
  for (const [type, response] of Object.entries(responses)) {
    if (isIntrinsic(response)) {
      reject('sam/invalid-api', 'Unable to set GatewayResponses attribute because intrinsic functions are not supported for this field.', [...at, type], where.resource);
    }
    if (!isObject(response)) {
      reject('sam/invalid-api', `Invalid property type '${Array.isArray(response) ? 'list' : typeof response}' for GatewayResponses. Expected an object of type 'GatewayResponse'.`, [...at, type], where.resource);
    }
    for (const key of Object.keys(response)) {
      if (!RESPONSE_FIELDS.includes(key)) reject('sam/invalid-api', `Invalid property '${key}' in 'GatewayResponses' property '${type}'.`, [...at, type, key], where.resource);
    }
  }
  for (const [type, response] of Object.entries(responses)) {
    const r = response as JsonObject;
    const parameters = isObject(r.ResponseParameters) ? r.ResponseParameters : {};
    for (const key of Object.keys(parameters)) {
      if (!PARAMETER_PREFIXES.some(([k]) => k === key)) reject('sam/invalid-api', `Invalid gateway response parameter '${key}'`, [...at, type, 'ResponseParameters', key], where.resource);
    }
    const prefixed: JsonObject = {};
    for (const [key, prefix] of PARAMETER_PREFIXES) {
      const group = parameters[key];
      if (isObject(group)) for (const [name, value] of Object.entries(group)) prefixed['gatewayresponse.' + prefix + name] = value;
    }
    const entry: JsonObject = { responseParameters: prefixed, responseTemplates: isObject(r.ResponseTemplates) ? r.ResponseTemplates : (r.ResponseTemplates ?? {}) };
    if (r.StatusCode !== undefined && r.StatusCode !== null) {
      const code = String(r.StatusCode);
      if (!/^[0-9]{1,3}$/.test(code)) reject('sam/invalid-api', "Property 'StatusCode' must be numeric", [...at, type, 'StatusCode'], where.resource);
      if (code) entry.statusCode = code;
    }
    out[type] = entry;
  }
  if (Object.keys(out).length > 0) doc['x-amazon-apigateway-gateway-responses'] = out;
}

function slashes(value: Json): Json {
  if (typeof value === 'string') return value.replace(/~1/g, '/');
  if (Array.isArray(value)) return value.map(slashes);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k.replace(/~1/g, '/')] = slashes(v);
    return out;
  }
  return value;
}

export function addBinaryMediaTypes(doc: JsonObject, types: Json): void {
  doc['x-amazon-apigateway-binary-media-types'] = slashes(types);
}

export function addModels(doc: JsonObject, models: JsonObject, where: DocWhere, at: JsonPath): void {
  if (!Object.values(models).every(isObject)) reject('sam/invalid-api', "Invalid value for 'Models' property", at, where.resource);
  const definitions: JsonObject = isObject(doc.definitions) && Object.keys(doc.definitions).length > 0 ? doc.definitions : {};
  for (const [name, schema] of Object.entries(models)) {
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
