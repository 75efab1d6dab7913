/**
 * SAM's Deployment logical id: `<Api>Deployment` + the first 10 hex digits of a SHA-1 over the string SAM
 * builds for backward compatibility (see provenance.ts for the rules the emitter follows while building the
 * Body, and py27-repr.ts for how that string is rendered).
 *
 * HOW THE EMITTER CALLS THIS:
 *   const prov = new Provenance();
 *   prov.fromTemplate(definitionBody);          // whatever came from the template, marked as soon as parsed
 *   ... build / edit the Body, telling prov what SAM would know (unicodeKey, unicodeValue, plainDict,
 *       deleteKey, deepCopied, keyOrder) ...
 *   const d = deploymentLogicalId(apiId, body, prov, { openApiVersion, domain });
 *   d.logicalId   → the Deployment's logical id, d.description → its Description.
 */
import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../../model/json';
import { Provenance } from './provenance';
import { renderPy27, renderJsonPy27 } from './py27-repr';

export { Provenance } from './provenance';
export type { Container } from './provenance';
export { py27StringHash } from './py27-hash';
export { Py27Keys } from './py27-dict';
export { renderPy27, renderJsonPy27 } from './py27-repr';

export interface DeploymentHashOptions {
  /**
   * `OpenApiVersion` as SAM holds it (after Globals); appended as `str(value)` when truthy. A template number
   * (`OpenApiVersion: 3.0`) is a float in SAM: pass the string SAM's `str()` gives (`'3.0'`).
   */
  openApiVersion?: string;
  /**
   * The `Domain` value as SAM holds it when it hashes (with `ApiDomainName`, default `EndpointConfiguration`
   * and Route53 additions); appended as `json.dumps(domain)` (Python 2.7 key order, `", "`/`": "` separators,
   * ASCII escapes) when truthy. Its provenance is read from the same `prov`.
   */
  domain?: Json;
  /**
   * SAM's `redeploy_restapi_parameters.function_names[<Api>]` (AlwaysDeploy / feature toggles): appended
   * verbatim when non-empty.
   */
  functionNames?: string;
}

export interface DeploymentId {
  /** `<Api>Deployment` + 10 hex digits. */
  logicalId: string;
  /** The full SHA-1, hex. */
  sha1: string;
  /** The exact string hashed (UTF-8). */
  hashInput: string;
  /** `RestApi deployment id: <sha1>`, the Deployment's Description. */
  description: string;
}

/** The Deployment logical id SAM gives the API `apiLogicalId` whose Body is `body`. */
export function deploymentLogicalId(
  apiLogicalId: string,
  body: JsonObject,
  prov: Provenance,
  options: DeploymentHashOptions = {},
): DeploymentId {
  const parts = [renderPy27(body, prov)];
  if (options.openApiVersion) parts.push(options.openApiVersion);
  if (isTruthy(options.domain)) parts.push(renderJsonPy27(options.domain, prov));
  if (options.functionNames) parts.push(options.functionNames);
  const hashInput = parts.join('||');
  const sha1 = createHash('sha1').update(hashInput, 'utf8').digest('hex');
  return {
    logicalId: `${apiLogicalId}Deployment${sha1.slice(0, 10)}`,
    sha1,
    hashInput,
    description: `RestApi deployment id: ${sha1}`,
  };
}

/** Python truthiness of a JSON value (`if domain:`). */
function isTruthy(value: Json | undefined): value is Json {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
