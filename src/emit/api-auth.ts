/** Phase C of lowering one API: the API's own `Auth` written into its definition (SAM ApiGenerator._add_auth). */
import type { RestApi } from '../model/auth';
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';
import { addApiResourcePolicy } from './resource-policy';
import { type DocWhere, reject, stopOnError } from './reject';
import { setDefaultApiKeyRequired, setDefaultAuthorizer } from './swagger/default-auth';
import { addApiKeySecurityDefinition, addAuthorizerDefinitions } from './swagger/security-definitions';
import { isValidDefinition } from './swagger/paths';

const AUTH_FIELDS = [
  'Authorizers',
  'DefaultAuthorizer',
  'InvokeRole',
  'AddDefaultAuthorizerToCorsPreflight',
  'AddApiKeyRequiredToCorsPreflight',
  'ApiKeyRequired',
  'ResourcePolicy',
  'UsagePlan',
];

/** SAM's "Property 'Auth…'" errors: at `Auth` (or a property below it) of `api`. */
function rejectAuth(api: RestApi, message: string, ...keys: string[]): never {
  reject('sam/invalid-auth', message, [...api.path, 'Properties', 'Auth', ...keys], api.logicalId);
}

/** The authorizers SAM knows for an API: AWS_IAM first when it is the default, then Auth.Authorizers in order. */
export function apiAuthorizers(api: RestApi, auth: JsonObject, withDefault: boolean): [string, JsonObject | 'AWS_IAM'][] {
  const out: [string, JsonObject | 'AWS_IAM'][] = [];
  if (withDefault && auth.DefaultAuthorizer === 'AWS_IAM') out.push(['AWS_IAM', 'AWS_IAM']);
  const config = auth.Authorizers;
  if (!config) return out;
  if (!isObject(config)) rejectAuth(api, "Property 'Auth.Authorizers' should be a map.", 'Authorizers');
  for (const [name, value] of Object.entries(config)) {
    if (!isObject(value)) rejectAuth(api, `Property 'Auth.Authorizers.${name}' should be a map.`, 'Authorizers', name);
    out.push([name, value]);
  }
  return out;
}

/** Checks SAM makes on `Auth` itself before anything else. */
export function checkApiAuthShape(api: RestApi): JsonObject | undefined {
  const auth = api.properties.Auth;
  if (auth === undefined || auth === null) return undefined;
  if (!isObject(auth)) rejectAuth(api, "Property 'Auth' should be a map.");
  return auth;
}

export function addApiAuth(api: RestApi, doc: JsonObject, where: DocWhere, stage: Json): void {
  const auth = api.properties.Auth;
  if (!isObject(auth) || Object.keys(auth).length === 0) return;
  const unknown = Object.keys(auth).find((key) => !AUTH_FIELDS.includes(key));
  if (unknown !== undefined) rejectAuth(api, "Invalid value for 'Auth' property", unknown);
  if (!isValidDefinition(doc)) {
    reject('sam/invalid-api', "Unable to add Auth configuration because 'DefinitionBody' does not contain a valid Swagger definition.", where.path, api.logicalId);
  }
  const authorizers = apiAuthorizers(api, auth, true);
  if (authorizers.length > 0) {
    addAuthorizerDefinitions(doc, authorizers, where);
    const defaultAuthorizer = auth.DefaultAuthorizer;
    if (defaultAuthorizer) {
      if (typeof defaultAuthorizer !== 'string') rejectAuth(api, 'DefaultAuthorizer is not a string.', 'DefaultAuthorizer');
      const found = authorizers.find(([name]) => name === defaultAuthorizer);
      if (!found && defaultAuthorizer !== 'AWS_IAM') {
        rejectAuth(api, `Unable to set DefaultAuthorizer because '${defaultAuthorizer}' was not defined in 'Authorizers'.`, 'DefaultAuthorizer');
      }
      const scopes = found && found[1] !== 'AWS_IAM' && found[1].AuthorizationScopes !== undefined && found[1].AuthorizationScopes !== null ? found[1].AuthorizationScopes : [];
      setDefaultAuthorizer(
        doc,
        {
          defaultAuthorizer,
          authorizerNames: authorizers.map(([name]) => name),
          defaultScopes: scopes,
          addToPreflight: auth.AddDefaultAuthorizerToCorsPreflight === undefined ? true : Boolean(auth.AddDefaultAuthorizerToCorsPreflight),
        },
        where,
      );
    }
  } else if (auth.DefaultAuthorizer !== undefined && auth.DefaultAuthorizer !== null && typeof auth.DefaultAuthorizer !== 'string') {
    rejectAuth(api, 'DefaultAuthorizer is not a string.', 'DefaultAuthorizer');
  }
  if (auth.ApiKeyRequired) {
    addApiKeySecurityDefinition(doc, where);
    setDefaultApiKeyRequired(doc, auth.AddApiKeyRequiredToCorsPreflight === undefined ? true : Boolean(auth.AddApiKeyRequiredToCorsPreflight), where);
  }
  if (auth.ResourcePolicy) {
    if (!isObject(auth.ResourcePolicy)) rejectAuth(api, 'ResourcePolicy must be a map (ResourcePolicyStatement).', 'ResourcePolicy');
    const result = addApiResourcePolicy({
      policy: doc['x-amazon-apigateway-policy'],
      resourcePolicy: auth.ResourcePolicy,
      paths: doc.paths,
      stage,
      location: { path: [...api.path, 'Properties', 'Auth', 'ResourcePolicy'], resource: api.logicalId },
      marks: {
        prov: where.prov,
        stageFromTemplate: !api.implicit,
        pathIsUnicode: (path) => isObject(doc.paths) && where.prov.isUnicodeKey(doc.paths, path),
        pathOrder: (paths) => where.prov.py27Order(paths),
      },
    });
    stopOnError(result.diagnostics);
    if (result.policy !== undefined) doc['x-amazon-apigateway-policy'] = result.policy;
  }
}
