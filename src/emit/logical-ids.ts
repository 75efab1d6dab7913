/** SAM's logical ids for what a REST API lowers into. */
import { createHash } from 'node:crypto';
import type { Json } from '../model/json';

function sortedJson(value: Json): string {
  if (Array.isArray(value)) return '[' + value.map(sortedJson).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + sortedJson(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/** SAM LogicalIdGenerator: prefix + 10 hex of SHA-1 over the data (strings as is, else sorted compact JSON). */
export function hashedLogicalId(prefix: string, data: Json | undefined): string {
  if (data === undefined || data === null || data === '') return prefix;
  const text = typeof data === 'string' ? data : sortedJson(data);
  return prefix + createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 10);
}

/** `<Api><StageName>Stage` for an alphanumeric stage name, a hashed id otherwise. */
export function stageLogicalId(apiId: string, stageName: Json | undefined): string {
  const prefix = typeof stageName === 'string' ? stageName : '';
  if (/^[A-Za-z0-9]+$/.test(prefix)) return apiId + prefix + 'Stage';
  return hashedLogicalId(apiId + 'Stage', prefix);
}

export function authorizerPermissionId(apiId: string, authorizerName: string): string {
  return apiId + authorizerName + 'AuthorizerPermission';
}

/** `<Function><Event>Permission<Stage>`: the stage is the API's StageName (Prod for the implicit API). */
export function eventPermissionId(owner: string, eventName: string, stageSuffix: string): string {
  return owner + eventName + 'Permission' + stageSuffix;
}

export function stateMachineEventRoleId(owner: string, eventName: string): string {
  return owner + eventName + 'Role';
}
