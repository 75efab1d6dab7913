import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import { NONE, type RestApi } from '../../model/auth';
import { isObject, type JsonObject, type JsonPath } from '../../model/json';
import { valueAt, type Rule } from './context';

function hasCors(api: RestApi): boolean {
  const cors = api.properties.Cors;
  return cors !== undefined && cors !== null && cors !== false;
}

/** Where the Cors setting is written: on the API, else in Globals.Api. */
function corsPath(template: JsonObject, api: RestApi): JsonPath {
  const own = ['Resources', api.logicalId, 'Properties', 'Cors'];
  if (valueAt(template, own) !== undefined) return own;
  const global = ['Globals', 'Api', 'Cors'];
  if (valueAt(template, global) !== undefined) return global;
  return api.path;
}

function defaultAuthorizer(api: RestApi): string | undefined {
  const d = api.auth?.defaultAuthorizer;
  return typeof d === 'string' && d !== NONE ? d : undefined;
}

function usesAuth(api: RestApi): boolean {
  if (defaultAuthorizer(api) !== undefined) return true;
  return api.routes.some((r) => typeof r.auth?.authorizer === 'string' && r.auth.authorizer !== NONE);
}

/**
 * SAM puts the default authorizer on the OPTIONS method it makes for CORS; browsers send preflights
 * without credentials, so they get 401 (SAM #717, #957, #2136).
 */
export const corsPreflightAuthorized: Rule = {
  name: 'cors-preflight-authorized',
  codes: ['rules/cors-preflight-authorized'],
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const api of model.apis) {
      const name = defaultAuthorizer(api);
      if (!api.auth || name === undefined || !hasCors(api) || api.auth.addDefaultAuthorizerToCorsPreflight === false) continue;
      out.push(diagnostic('rules/cors-preflight-authorized', `API ${api.logicalId} has Cors and DefaultAuthorizer ${name}: SAM also puts the authorizer on the CORS preflight (OPTIONS) methods, and browsers' preflights carry no credentials, so they fail with 401. Add AddDefaultAuthorizerToCorsPreflight: false under Auth.`, [...api.auth.path, 'DefaultAuthorizer'], api.logicalId));
    }
    return out;
  },
};

const GATEWAY_RESPONSE_FIX = `GatewayResponses:
  UNAUTHORIZED:
    ResponseParameters:
      Headers:
        Access-Control-Allow-Origin: "'*'"
  ACCESS_DENIED:
    ResponseParameters:
      Headers:
        Access-Control-Allow-Origin: "'*'"`;

/**
 * 401/403 answers come from API Gateway, not from the integration, so they carry no CORS headers unless a
 * gateway response adds them; the browser then reports "CORS error" instead of "Unauthorized" (SAM #1983).
 */
export const corsGatewayResponses: Rule = {
  name: 'cors-gateway-responses',
  codes: ['rules/cors-gateway-responses'],
  check({ model, template }) {
    const out: Diagnostic[] = [];
    for (const api of model.apis) {
      if (!hasCors(api) || !usesAuth(api)) continue;
      const responses = api.properties.GatewayResponses;
      const covered = (type: string) => isObject(responses) && (type in responses || 'DEFAULT_4XX' in responses);
      const missing = ['UNAUTHORIZED', 'ACCESS_DENIED'].filter((t) => !covered(t));
      if (missing.length === 0) continue;
      out.push(diagnostic('rules/cors-gateway-responses', `API ${api.logicalId} has Cors and auth, but no GatewayResponses for ${missing.join(' and ')}: API Gateway's 401/403 answers will carry no CORS headers and browsers report a CORS error instead. Add to the API's Properties (use your AllowOrigin):\n${GATEWAY_RESPONSE_FIX}`, corsPath(template, api), api.logicalId));
    }
    return out;
  },
};
