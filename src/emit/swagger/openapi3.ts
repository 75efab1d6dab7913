/** SAM's OpenAPI 3 post-processing of a definition (ApiGenerator._openapi_postprocess). */
import type { Json, JsonObject } from '../../model/json';
import { isObject } from '../../model/json';
import { type DocWhere, rejectDefinition } from '../reject';
import { isOpenApi3 } from './paths';

function nonEmpty(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

/**
 * A Swagger 2.0 document stays as it is. Otherwise, for OpenAPI 3: securityDefinitions move to
 * components.securitySchemes, definitions to components.schemas, and CORS OPTIONS methods lose
 * `consumes`/`produces` and get `schema` around their response headers.
 * Returns the OpenApiVersion SAM uses from then on (the document's `openapi` when none was set).
 */
export function openApiPostprocess(doc: JsonObject, openApiVersion: Json | undefined, where: DocWhere): Json | undefined {
  if (doc.swagger !== undefined && doc.swagger !== null) return openApiVersion;
  let version = openApiVersion;
  // The body's own `openapi` wins over OpenApiVersion: SAM's behaviour with all its feature toggles on (the
  // case feature_toggle_api_open_api_version_override: `OpenApiVersion: '2.0'` on an `openapi: 3.0.2` body still
  // moves securityDefinitions to components.securitySchemes). Only the Deployment hash keeps OpenApiVersion.
  if (doc.openapi !== undefined && doc.openapi !== null) version = doc.openapi;
  if (!version || !isOpenApi3(version)) return version;
  if (nonEmpty(doc.securityDefinitions)) {
    const components = nonEmpty(doc.components) && isObject(doc.components) ? doc.components : {};
    components.securitySchemes = doc.securityDefinitions;
    doc.components = components;
    where.prov.deleteKey(doc, 'securityDefinitions');
  }
  if (nonEmpty(doc.definitions)) {
    const components = nonEmpty(doc.components) && isObject(doc.components) ? doc.components : {};
    components.schemas = doc.definitions;
    doc.components = components;
    where.prov.deleteKey(doc, 'definitions');
  }
  const paths = doc.paths;
  if (nonEmpty(paths)) {
    if (!isObject(paths)) rejectDefinition('Value of paths must be a dictionary according to Swagger spec.', where, ['paths']);
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) rejectDefinition(`Value of '${path}' path must be a dictionary according to Swagger spec.`, where, ['paths', path]);
      const options = item.options;
      if (!nonEmpty(options)) continue;
      if (!isObject(options)) rejectDefinition(`Value of options method for path ${path} must be a dictionary according to Swagger spec.`, where, ['paths', path, 'options']);
      where.prov.deleteKey(options, 'produces');
      where.prov.deleteKey(options, 'consumes');
      const responses = options.responses;
      const ok = isObject(responses) ? responses['200'] : undefined;
      const headers = isObject(ok) ? ok.headers : undefined;
      if (!nonEmpty(headers) || !isObject(ok)) continue;
      if (!isObject(headers)) rejectDefinition(`Value of response's headers in options method for path ${path} must be a dictionary according to Swagger spec.`, where, ['paths', path, 'options']);
      // Each header's value is replaced in place by a new `{schema: value}`; SAM runs this pass once per
      // editing step that ends with it (Auth, Models, then the RestApi), so CORS headers nest as often.
      for (const [name, value] of Object.entries(headers)) headers[name] = { schema: value };
    }
  }
  return version;
}
