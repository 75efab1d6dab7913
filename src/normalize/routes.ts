import type { Route } from '../model/auth';
import type { Json, JsonObject, JsonPath } from '../model/json';
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

/** One event of a function or state machine, as written. */
export interface TemplateEvent {
  owner: string;
  ownerType: OwnerType;
  name: string;
  /** ['Resources', owner, 'Properties', 'Events', name]. */
  path: JsonPath;
  /** The event's `Properties`; undefined when they are not a map. */
  properties: JsonObject | undefined;
}

/** The events of one `Type` (`Api`, `HttpApi`) of every function and state machine, in template order (resources, then events). */
export function* eventsOfType(resources: JsonObject, type: string): Generator<TemplateEvent> {
  for (const [owner, resource] of Object.entries(resources)) {
    if (!isObject(resource) || !isOwnerType(resource.Type)) continue;
    const events = isObject(resource.Properties) ? resource.Properties.Events : undefined;
    if (!isObject(events)) continue;
    for (const [name, event] of Object.entries(events)) {
      if (!isObject(event) || event.Type !== type) continue;
      const properties = isObject(event.Properties) ? event.Properties : undefined;
      yield { owner, ownerType: resource.Type, name, path: ['Resources', owner, 'Properties', 'Events', name], properties };
    }
  }
}

/** An event as a route: its Path and Method as written (null when absent). */
function routeOf({ owner, ownerType, name, path, properties = {} }: TemplateEvent): Route {
  return { owner, ownerType, eventName: name, path, routePath: properties.Path ?? null, method: properties.Method ?? null, properties };
}

/** Every `Type: Api` event of a function or state machine, in template order (resources, then events). */
export function collectRoutes(resources: JsonObject): AttachedRoute[] {
  const out: AttachedRoute[] = [];
  for (const event of eventsOfType(resources, 'Api')) {
    const route = routeOf(event);
    const { Auth: auth, RestApiId: restApiId } = route.properties;
    if (auth !== undefined && auth !== null) route.auth = normalizeEventAuth(isObject(auth) ? auth : {}, [...route.path, 'Properties', 'Auth']);
    out.push({ route, apiId: restApiId === undefined ? IMPLICIT_API_ID : (restApiIdOf(restApiId) ?? null) });
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
  for (const event of eventsOfType(resources, 'HttpApi')) {
    if (event.ownerType !== 'AWS::Serverless::Function' || event.properties?.ApiId === undefined) continue;
    out.push({ route: routeOf(event), apiId: restApiIdOf(event.properties.ApiId) ?? null });
  }
  return out;
}
