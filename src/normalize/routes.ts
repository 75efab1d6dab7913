import type { Route } from '../model/auth';
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';
import { normalizeEventAuth } from './authorizers';

export const IMPLICIT_API_ID = 'ServerlessRestApi';

const OWNER_TYPES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'] as const;
type OwnerType = (typeof OWNER_TYPES)[number];

function isOwnerType(type: Json | undefined): type is OwnerType {
  return type === OWNER_TYPES[0] || type === OWNER_TYPES[1];
}

/** SAM reads `RestApiId` as a logical id when it is a string or `{ Ref: id }`; anything else stays as written. */
export function restApiIdOf(value: Json | undefined): Json | undefined {
  if (isObject(value) && 'Ref' in value) return value.Ref;
  return value;
}

/** A route with the API it targets: a logical id (the implicit API when RestApiId is absent) or an intrinsic. */
export interface AttachedRoute {
  route: Route;
  apiId: Json;
}

/** Every `Type: Api` event of a function or state machine, in template order (resources, then events). */
export function collectRoutes(resources: JsonObject): AttachedRoute[] {
  const out: AttachedRoute[] = [];
  for (const [owner, resource] of Object.entries(resources)) {
    if (!isObject(resource) || !isOwnerType(resource.Type)) continue;
    const properties = resource.Properties;
    if (!isObject(properties) || !isObject(properties.Events)) continue;
    for (const [eventName, event] of Object.entries(properties.Events)) {
      if (!isObject(event) || event.Type !== 'Api') continue;
      const path = ['Resources', owner, 'Properties', 'Events', eventName];
      const eventProperties = isObject(event.Properties) ? event.Properties : {};
      const route: Route = {
        owner,
        ownerType: resource.Type,
        eventName,
        path,
        routePath: eventProperties.Path ?? null,
        method: eventProperties.Method ?? null,
        properties: eventProperties,
      };
      if (eventProperties.Auth !== undefined && eventProperties.Auth !== null) {
        route.auth = normalizeEventAuth(isObject(eventProperties.Auth) ? eventProperties.Auth : {}, [
          ...path,
          'Properties',
          'Auth',
        ]);
      }
      const restApiId = eventProperties.RestApiId;
      out.push({ route, apiId: restApiId === undefined ? IMPLICIT_API_ID : (restApiIdOf(restApiId) ?? null) });
    }
  }
  return out;
}

/**
 * Every `Type: HttpApi` event of a function that names its API with `ApiId` (a logical id or `{ Ref: id }`), in
 * template order. Such an event may point at a REST API (`AWS::Serverless::Api`): when we lower that API, the
 * event is ours to apply (src/emit/http-api-events.ts). Events without `ApiId` belong to SAM's ServerlessHttpApi.
 */
export function collectHttpApiRoutes(resources: JsonObject): AttachedRoute[] {
  const out: AttachedRoute[] = [];
  for (const [owner, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== OWNER_TYPES[0]) continue;
    const properties = resource.Properties;
    if (!isObject(properties) || !isObject(properties.Events)) continue;
    for (const [eventName, event] of Object.entries(properties.Events)) {
      if (!isObject(event) || event.Type !== 'HttpApi') continue;
      const eventProperties = isObject(event.Properties) ? event.Properties : {};
      if (eventProperties.ApiId === undefined) continue;
      const route: Route = {
        owner,
        ownerType: OWNER_TYPES[0],
        eventName,
        path: ['Resources', owner, 'Properties', 'Events', eventName],
        routePath: eventProperties.Path ?? null,
        method: eventProperties.Method ?? null,
        properties: eventProperties,
      };
      out.push({ route, apiId: restApiIdOf(eventProperties.ApiId) ?? null });
    }
  }
  return out;
}
