/** An Api event's `Auth` applied to its method: SAM's add_auth_to_swagger / add_auth_to_method. */
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { type DocWhere, reject, rejectEvent } from '../reject';
import { pythonRepr } from '../../model/python';
import { addAwsIamSecurityDefinition, addApiKeySecurityDefinition } from './security-definitions';
import { methodDefsAt, normalizeMethod } from './paths';

export interface EventAuthInput {
  eventAuth: JsonObject;
  apiAuth: JsonObject | undefined;
  path: string;
  method: string;
  /** `Resource with id [owner] is invalid. Event with id [event] is invalid.` */
  owner: string;
  eventName: string;
  authPath: JsonPath;
}

/** How SAM's `"[{}]".format(value)` shows a value: a string as it is, anything else as Python's repr. */
function pyDisplay(value: Json): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

function eventReject(input: EventAuthInput, message: string, subPath: JsonPath): never {
  rejectEvent(input, message, [...input.authPath, ...subPath]);
}

/** The checks SAM makes on an event's Auth before touching the method; they fail the function. */
export function checkEventAuth(input: EventAuthInput): void {
  const { eventAuth, apiAuth, path, method } = input;
  const authorizer = eventAuth.Authorizer;
  const where = `on API method [${method}] for path [${path}]`;
  if (authorizer && authorizer !== 'AWS_IAM') {
    const apiAuthorizers = apiAuth?.Authorizers;
    if (authorizer !== 'NONE') {
      if (!apiAuthorizers) {
        eventReject(input, `Unable to set Authorizer [${pyDisplay(authorizer)}] ${where} because the related API does not define any Authorizers.`, ['Authorizer']);
      }
      if (!isObject(apiAuthorizers)) {
        reject('sam/invalid-auth', "Property 'Auth.Authorizers' should be a map.", [...input.authPath, 'Authorizer'], input.owner);
      }
      if (typeof authorizer !== 'string') {
        eventReject(
          input,
          `Unable to set Authorizer [${pyDisplay(authorizer)}] ${where}. The method authorizer must be a string with a corresponding dict entry in the api authorizer.`,
          ['Authorizer'],
        );
      }
      if (!apiAuthorizers[authorizer]) {
        eventReject(input, `Unable to set Authorizer [${authorizer}] ${where} because it wasn't defined in the API's Authorizers.`, ['Authorizer']);
      }
    } else if (!apiAuth || !apiAuth.DefaultAuthorizer) {
      eventReject(
        input,
        `Unable to set Authorizer ${where} because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.`,
        ['Authorizer'],
      );
    }
  }
  const scopes = eventAuth.AuthorizationScopes;
  if (scopes && !Array.isArray(scopes)) {
    eventReject(input, "Property 'Auth.AuthorizationScopes' should be a list.", ['AuthorizationScopes']);
  }
  const apiKeyRequired = eventAuth.ApiKeyRequired;
  if (apiKeyRequired !== undefined && apiKeyRequired !== null && !apiKeyRequired && (!apiAuth || !apiAuth.ApiKeyRequired)) {
    eventReject(
      input,
      `Unable to set ApiKeyRequired [False] ${where} because the related API does not specify any ApiKeyRequired.`,
      ['ApiKeyRequired'],
    );
  }
  if (eventAuth.OverrideApiAuth && !eventAuth.Authorizer && eventAuth.ApiKeyRequired === undefined && !eventAuth.ResourcePolicy) {
    eventReject(input, 'Must define one of: Authorizer, ApiKeyRequired or ResourcePolicy when using the OverrideApiAuth property.', ['OverrideApiAuth']);
  }
}

function securityList(def: JsonObject, path: string, method: string, where: DocWhere): JsonObject[] {
  // SAM reads `method.get('security', [])`: a `security:` key left empty (null) is not a list.
  const existing = 'security' in def ? def.security : [];
  if (!Array.isArray(existing)) {
    reject('sam/invalid-definition', `Type of security for path ${path} method ${method} must be a list`, [...where.path, 'paths', path, method, 'security'], where.resource);
  }
  return existing as JsonObject[];
}

/** SAM add_auth_to_method: the event's authorizer (with scopes) and api key marker appended to `security`. */
export function addAuthToMethod(doc: JsonObject, input: EventAuthInput, where: DocWhere): void {
  const { eventAuth, apiAuth, path } = input;
  const method = normalizeMethod(input.method);
  const authorizer = eventAuth.Authorizer;
  const methodScopes = eventAuth.AuthorizationScopes;
  const authorizers = apiAuth?.Authorizers;
  if (authorizer) {
    for (const def of methodDefsAt(doc, path, method, where)) {
      const entry: JsonObject = { [String(authorizer)]: [] };
      where.prov.unicodeKey(entry, String(authorizer));
      const security = [...securityList(def, path, input.method, where), entry];
      if (authorizer !== 'NONE' && isObject(authorizers) && Object.keys(authorizers).length > 0) {
        const defined = authorizers[String(authorizer)];
        let scopes: Json | undefined = isObject(defined) ? defined.AuthorizationScopes : undefined;
        if (methodScopes !== undefined && methodScopes !== null) scopes = methodScopes;
        if (defined !== undefined && defined !== null && scopes !== undefined && scopes !== null) entry[String(authorizer)] = scopes;
      }
      def.security = security;
      if (isObject(security[0]) && 'AWS_IAM' in security[0]) addAwsIamSecurityDefinition(doc);
    }
  }
  const apiKeyRequired = eventAuth.ApiKeyRequired;
  if (apiKeyRequired !== undefined && apiKeyRequired !== null) {
    for (const def of methodDefsAt(doc, path, method, where)) {
      const marker = apiKeyRequired ? 'api_key' : 'api_key_false';
      if (apiKeyRequired) addApiKeySecurityDefinition(doc, where);
      def.security = [...securityList(def, path, input.method, where), { [marker]: [] }];
    }
  }
}
