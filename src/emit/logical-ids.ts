/** SAM's logical ids for what a REST API lowers into. */
import type { Json } from '../model/json';
import { samLogicalId } from './sam-logical-id';

/** `<Api><StageName>Stage` for an alphanumeric stage name, a hashed id otherwise. */
export function stageLogicalId(apiId: string, stageName: Json | undefined): string {
  const prefix = typeof stageName === 'string' ? stageName : '';
  if (/^[A-Za-z0-9]+$/.test(prefix)) return apiId + prefix + 'Stage';
  return samLogicalId(apiId + 'Stage', prefix);
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
