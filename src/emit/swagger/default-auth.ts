/** API-wide defaults applied to every method: SAM's set_path_default_authorizer / set_path_default_apikey_required. */
import type { Json, JsonObject } from '../../model/json';
import { isObject } from '../../model/json';
import { type DocWhere, rejectDefinition } from '../reject';
import { addAwsIamSecurityDefinition } from './security-definitions';
import { allMethodsOn } from './paths';
import { pythonRepr } from '../../model/python';

function existingSecurity(def: JsonObject, path: string, method: string, where: DocWhere): JsonObject[] {
  // SAM reads `method.get('security', [])`: a `security:` key left empty (null) is not a list.
  const existing = 'security' in def ? def.security : [];
  if (!Array.isArray(existing)) {
    rejectDefinition(`Type of security for path ${path} method ${method} must be a list`, where, ['paths', path, method, 'security']);
  }
  existing.forEach((entry, i) => {
    if (!isObject(entry)) {
      rejectDefinition(
        `${pythonRepr(entry)} in Security for path ${path} method ${method} is not a valid dictionary: each security requirement maps a security scheme name to its scopes, e.g. - MyAuthorizer: [].`,
        where,
        ['paths', path, method, 'security', i],
      );
    }
  });
  return existing as JsonObject[];
}

export interface DefaultAuthorizerInput {
  defaultAuthorizer: string;
  /** Names of every authorizer of the API (AWS_IAM first when it is the default). */
  authorizerNames: string[];
  /** The default's scopes (SAM: the authorizer's AuthorizationScopes, or []). */
  defaultScopes: Json;
  addToPreflight: boolean;
}

export function setDefaultAuthorizer(doc: JsonObject, input: DefaultAuthorizerInput, where: DocWhere): void {
  const names = new Set(['AWS_IAM', ...input.authorizerNames]);
  for (const path of Object.keys(doc.paths as JsonObject)) {
    for (const [method, def] of allMethodsOn(doc, path, where)) {
      if (!input.addToPreflight && method === 'options') continue;
      const existing = existingSecurity(def, path, method, where);
      const nonAuthorizer: JsonObject[] = [];
      const authorizerSecurity: JsonObject[] = [];
      for (const entry of existing) {
        if (Object.keys(entry).some((k) => names.has(k))) authorizerSecurity.push(entry);
        else nonAuthorizer.push(entry);
      }
      const noneIndex = nonAuthorizer.findIndex((entry) => 'NONE' in entry);
      let chosen: JsonObject[] = [];
      if (noneIndex > -1) nonAuthorizer.splice(noneIndex, 1);
      else if (authorizerSecurity.length > 0) chosen = authorizerSecurity;
      else {
        const entry: JsonObject = { [input.defaultAuthorizer]: input.defaultScopes };
        where.prov.unicodeKey(entry, input.defaultAuthorizer);
        chosen = [entry];
      }
      const security = [...nonAuthorizer, ...chosen];
      if (security.length > 0) {
        def.security = security;
        if ('AWS_IAM' in security[0]) addAwsIamSecurityDefinition(doc);
      }
    }
  }
}

export function setDefaultApiKeyRequired(doc: JsonObject, requiredOnOptions: boolean, where: DocWhere): void {
  for (const path of Object.keys(doc.paths as JsonObject)) {
    for (const [method, def] of allMethodsOn(doc, path, where)) {
      const existing = existingSecurity(def, path, method, where);
      const nonApiKey: JsonObject[] = [];
      const apiKey: JsonObject[] = [];
      for (const entry of existing) {
        if ('api_key' in entry || 'api_key_false' in entry) apiKey.push(entry);
        else nonApiKey.push(entry);
      }
      const falseIndex = apiKey.findIndex((entry) => 'api_key_false' in entry);
      let security = falseIndex > -1 ? [...nonApiKey] : [...nonApiKey, { api_key: [] }];
      if (method === 'options' && !requiredOnOptions) security = nonApiKey;
      if (JSON.stringify(security) !== JSON.stringify(existing)) def.security = security;
    }
  }
}
