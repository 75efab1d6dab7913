/**
 * An Api event's `RequestModel` and `RequestParameters` on its method, as SAM's Api event source writes them
 * (checks in push.py, edits in SwaggerEditor add_request_model_to_method / add_request_validator_to_method /
 * add_request_parameters_to_method). They apply only where the event writes the definition (a SAM-managed
 * body or MergeDefinitions), after the event's Auth.
 */
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { type DocWhere, rejectEvent } from '../reject';
import { pythonTruthy as truthy } from '../../model/python';
import { isOpenApi3, methodDefsAt, normalizeMethod, X_INTEGRATION } from './paths';

const X_REQUEST_VALIDATORS = 'x-amazon-apigateway-request-validators';
const X_REQUEST_VALIDATOR = 'x-amazon-apigateway-request-validator';
const PARAMETER_NAME = /^method\.request\.(querystring|path|header)\./;
const PARAMETER_PROPERTIES = new Set(['Required', 'Caching']);

export interface RequestInput {
  path: string;
  /** The event's Method, lower-cased. */
  method: string;
  owner: string;
  eventName: string;
  /** Path of the event in the template. */
  eventPath: JsonPath;
}

function eventReject(input: RequestInput, message: string, subPath: JsonPath): never {
  rejectEvent(input, message, [...input.eventPath, 'Properties', ...subPath]);
}

function display(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** SAM's checks of `RequestModel` against the API's `Models`, then the body parameter (or requestBody) and validator. */
export function addRequestModel(doc: JsonObject, model: Json, apiModels: Json | undefined, input: RequestInput, where: DocWhere): void {
  if (!isObject(model)) eventReject(input, "Property 'RequestModel' should be a map.", ['RequestModel']);
  const name = model.Model;
  if (!truthy(name)) return;
  const on = `on API method [${input.method}] for path [${input.path}]`;
  const shown = display(name as Json);
  if (!truthy(apiModels)) {
    eventReject(input, `Unable to set RequestModel [${shown}] ${on} because the related API does not define any Models.`, ['RequestModel', 'Model']);
  }
  const intrinsic = isObject(apiModels) && Object.keys(apiModels).length === 1 && /^(Ref|Fn::)/.test(Object.keys(apiModels)[0]);
  if (!intrinsic && !isObject(apiModels)) {
    eventReject(input, `Unable to set RequestModel [${shown}] ${on} because the related API Models defined is of invalid type.`, ['RequestModel', 'Model']);
  }
  if (typeof name !== 'string') {
    eventReject(input, `Unable to set RequestModel [${shown}] ${on} because the related API does not contain valid Models.`, ['RequestModel', 'Model']);
  }
  if (!isObject(apiModels) || !truthy(apiModels[name])) {
    eventReject(input, `Unable to set RequestModel [${name}] ${on} because it wasn't defined in the API's Models.`, ['RequestModel', 'Model']);
  }

  const modelName = name.toLowerCase();
  const required = model.Required;
  const method = normalizeMethod(input.method);
  for (const def of methodDefsAt(doc, input.path, method, where)) {
    if (doc.swagger !== undefined && doc.swagger !== null) {
      const existing = def.parameters;
      const parameters: Json[] = Array.isArray(existing) ? existing : [];
      const parameter: JsonObject = { in: 'body', name: modelName, schema: { $ref: `#/definitions/${modelName}` } };
      // `.lower()` keeps the template string unicode; the f-string `$ref` wrapper is a plain dict.
      where.prov.unicodeValue(parameter, 'name');
      where.prov.plainDict(parameter.schema as JsonObject);
      if (required !== undefined && required !== null) parameter.required = required;
      parameters.push(parameter);
      def.parameters = parameters;
    } else if (truthy(doc.openapi) && isOpenApi3(doc.openapi)) {
      const schema: JsonObject = { $ref: `#/components/schemas/${modelName}` };
      const media: JsonObject = { schema };
      const content: JsonObject = { 'application/json': media };
      const requestBody: JsonObject = { content };
      for (const plain of [schema, media, content, requestBody]) where.prov.plainDict(plain);
      if (required !== undefined && required !== null) requestBody.required = required;
      def.requestBody = requestBody;
    }
  }

  const validateBody = model.ValidateBody;
  const validateParameters = model.ValidateParameters;
  if ((validateBody === undefined || validateBody === null) && (validateParameters === undefined || validateParameters === null)) return;
  const body = validateBody === undefined || validateBody === null ? false : validateBody;
  const params = validateParameters === undefined || validateParameters === null ? false : validateParameters;
  if (typeof body !== 'boolean' || typeof params !== 'boolean') {
    eventReject(
      input,
      `Unable to set Validator to RequestModel [${name}] ${on} ValidateBody and ValidateParameters must be a boolean type, strings or intrinsics are not supported.`,
      ['RequestModel'],
    );
  }
  addRequestValidator(doc, body, params, input, where);
}

function validatorName(body: boolean, params: boolean): string {
  if (body && params) return 'body-and-params';
  if (body) return 'body-only';
  if (params) return 'params-only';
  return 'no-validation';
}

function addRequestValidator(doc: JsonObject, body: boolean, params: boolean, input: RequestInput, where: DocWhere): void {
  const name = validatorName(body, params);
  if (!truthy(doc[X_REQUEST_VALIDATORS])) doc[X_REQUEST_VALIDATORS] = {};
  const validators = doc[X_REQUEST_VALIDATORS];
  if (isObject(validators) && !truthy(validators[name])) {
    // `.update(Py27Dict({name: …}))`: a merge of one key.
    where.prov.merged(validators, [name]);
    validators[name] = { validateRequestBody: body, validateRequestParameters: params };
  }
  for (const def of methodDefsAt(doc, input.path, normalizeMethod(input.method), where)) {
    where.prov.merged(def, [X_REQUEST_VALIDATOR]);
    def[X_REQUEST_VALIDATOR] = name;
  }
}

interface RequestParameter {
  name: string;
  required: Json;
  caching: Json;
}

/** SAM's reading of `RequestParameters`: `method.request.*` names, as strings or `{name: {Required, Caching}}`. */
function readRequestParameters(value: Json, input: RequestInput): RequestParameter[] {
  const badName =
    "Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'.";
  const list = Array.isArray(value) ? value : [];
  return list.map((parameter, index): RequestParameter => {
    const at = ['RequestParameters', index];
    if (isObject(parameter)) {
      const [name, settings] = Object.entries(parameter)[0] ?? ['', null];
      if (!PARAMETER_NAME.test(name)) eventReject(input, badName, at);
      if (!isObject(settings) || !Object.keys(settings).every((k) => PARAMETER_PROPERTIES.has(k))) {
        eventReject(input, "Invalid value for 'RequestParameters' property. Values must be an object, e.g { Required: true, Caching: false }", at);
      }
      return { name, required: 'Required' in settings ? settings.Required : false, caching: 'Caching' in settings ? settings.Caching : false };
    }
    if (typeof parameter === 'string') {
      if (!PARAMETER_NAME.test(parameter)) eventReject(input, badName, at);
      return { name: parameter, required: false, caching: false };
    }
    eventReject(input, "Invalid value for 'RequestParameters' property. Property must be either a string or an object", at);
  });
}

/** Each parameter becomes a method parameter; a cached one also joins the integration's cacheKeyParameters. */
export function addRequestParameters(doc: JsonObject, value: Json, input: RequestInput, where: DocWhere): void {
  if (!truthy(value)) return;
  const parameters = readRequestParameters(value, input);
  for (const def of methodDefsAt(doc, input.path, normalizeMethod(input.method), where)) {
    const existing = def.parameters;
    const list: Json[] = Array.isArray(existing) ? existing : [];
    for (const parameter of parameters) {
      const [location, ...rest] = parameter.name.replace('method.request.', '').split('.');
      const entry: JsonObject = { in: location === 'querystring' ? 'query' : location, name: rest.join('.'), required: parameter.required, type: 'string' };
      // Pieces of the template's parameter name stay unicode; `query` is SAM's literal.
      if (location !== 'querystring') where.prov.unicodeValue(entry, 'in');
      where.prov.unicodeValue(entry, 'name');
      list.push(entry);
      if (truthy(parameter.caching)) {
        const integration = def[X_INTEGRATION] as JsonObject;
        const cache = integration.cacheKeyParameters;
        const keys: Json[] = Array.isArray(cache) ? cache : [];
        keys.push(parameter.name);
        where.prov.unicodeValue(keys, keys.length - 1);
        integration.cacheKeyParameters = keys;
      }
    }
    def.parameters = list;
  }
}
