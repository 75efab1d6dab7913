/** SAM's `Cors`: an OPTIONS mock integration on every path that has none. */
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { isIntrinsic } from '../../normalize/globals';
import { type DocWhere, reject } from '../reject';
import { pathItems, X_ANY_METHOD } from './paths';

const WILDCARD = "'*'";
const FIELDS = ['AllowMethods', 'AllowHeaders', 'AllowOrigin', 'MaxAge', 'AllowCredentials'];
const ALL_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'];

interface CorsSettings {
  AllowMethods?: Json;
  AllowHeaders?: Json;
  AllowOrigin: Json;
  MaxAge?: Json;
  AllowCredentials: Json;
}

function allowedMethodsFor(item: JsonObject): string {
  const methods = Object.keys(item);
  const list = methods.includes(X_ANY_METHOD) ? ALL_METHODS : [...methods, 'options'];
  return [...new Set(list.map((m) => m.toUpperCase()))].sort().join(',');
}

/**
 * Which settings SAM holds as template strings (unicode to the Deployment id): every value the template gave;
 * SAM's own default origin `'*'` and the `'GET,POST'` it formats are native.
 */
type FromTemplate = (field: keyof CorsSettings) => boolean;

function optionsMethod(s: CorsSettings, allowMethods: Json, fromTemplate: FromTemplate, where: DocWhere): JsonObject {
  const prov = where.prov;
  // Py27Dict({...}) literals: merges of one key, then the optional headers one by one.
  const parameters: JsonObject = {};
  const headers: JsonObject = {};
  prov.merged(parameters, ['method.response.header.Access-Control-Allow-Origin']);
  prov.merged(headers, ['Access-Control-Allow-Origin']);
  const add = (header: string, value: Json, type = 'string'): void => {
    parameters['method.response.header.' + header] = value;
    // The `{"type": "string"}` header schema is a plain dict literal.
    const schema: JsonObject = { type };
    prov.plainDict(schema);
    headers[header] = schema;
  };
  add('Access-Control-Allow-Origin', s.AllowOrigin);
  if (s.AllowHeaders) add('Access-Control-Allow-Headers', s.AllowHeaders);
  if (allowMethods) add('Access-Control-Allow-Methods', allowMethods);
  if (s.MaxAge !== undefined && s.MaxAge !== null) add('Access-Control-Max-Age', s.MaxAge, 'integer');
  if (s.AllowCredentials === true) add('Access-Control-Allow-Credentials', "'true'");
  for (const [field, header] of [
    ['AllowOrigin', 'Access-Control-Allow-Origin'],
    ['AllowHeaders', 'Access-Control-Allow-Headers'],
    ['AllowMethods', 'Access-Control-Allow-Methods'],
    ['MaxAge', 'Access-Control-Max-Age'],
  ] as const) {
    if (fromTemplate(field)) prov.unicodeValue(parameters, 'method.response.header.' + header);
  }
  // The templates are plain dict literals too.
  const requestTemplates: JsonObject = { 'application/json': '{\n  "statusCode" : 200\n}\n' };
  const responseTemplates: JsonObject = { 'application/json': '{}\n' };
  prov.plainDict(requestTemplates);
  prov.plainDict(responseTemplates);
  return {
    summary: 'CORS support',
    consumes: ['application/json'],
    produces: ['application/json'],
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates,
      responses: {
        default: { statusCode: '200', responseParameters: parameters, responseTemplates },
      },
    },
    responses: { '200': { description: 'Default response for CORS method', headers } },
  };
}

export function addCors(doc: JsonObject, cors: Json, where: DocWhere, corsPath: JsonPath): void {
  let settings: CorsSettings;
  // A string Cors is the template's origin; in a map, each string the template gave (marked when parsed).
  const fromTemplate: FromTemplate = (field) =>
    typeof cors === 'string' ? field === 'AllowOrigin' : isObject(cors) && where.prov.isUnicodeValue(cors, field);
  if (typeof cors === 'string' || isIntrinsic(cors)) settings = { AllowOrigin: cors, AllowCredentials: false };
  else if (isObject(cors) && Object.keys(cors).every((k) => FIELDS.includes(k))) {
    settings = { AllowOrigin: WILDCARD, AllowCredentials: false, ...cors } as CorsSettings;
  } else reject('sam/invalid-api', "Invalid value for 'Cors' property", corsPath, where.resource);
  if (settings.AllowCredentials === true && settings.AllowOrigin === WILDCARD) {
    reject(
      'sam/invalid-api',
      "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set",
      corsPath,
      where.resource,
    );
  }
  for (const path of Object.keys(doc.paths as JsonObject)) {
    for (const item of pathItems(doc, path, where)) {
      if ('options' in item) continue;
      if (!settings.AllowOrigin) reject('sam/invalid-api', 'Invalid input. Value for AllowedOrigins is required', corsPath, where.resource);
      const allowMethods = settings.AllowMethods ? settings.AllowMethods : `'${allowedMethodsFor(item)}'`;
      item.options = optionsMethod(settings, allowMethods, (field) => fromTemplate(field) && (field !== 'AllowMethods' || Boolean(settings.AllowMethods)), where);
    }
  }
}
