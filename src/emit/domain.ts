/**
 * Custom domains: SAM's `Domain` on a REST API lowered into AWS::ApiGateway::DomainName (DomainNameV2 for
 * PRIVATE), BasePathMapping (BasePathMappingV2), Route53 RecordSetGroup and, for private domains, the
 * DomainNameAccessAssociation, with SAM's hashed logical ids.
 *
 * HOW THE EMITTER CALLS THIS:
 *   const groups = newRecordSetGroups();     // once per template: APIs on one hosted zone share a RecordSetGroup
 *   for each lowered API with `Domain`, in SAM's API order, once the Stage logical id is known:
 *     const r = lowerDomain({ apiId, domain: properties.Domain, stageId, attributes, location }, groups);
 *     - add r.resources to Resources, in order (domain, base path mappings; a SeparateRecordSetGroup group too);
 *     - r.domainForHash is the Domain value as SAM holds it when it hashes the Deployment (SAM adds
 *       `ApiDomainName` and a default `EndpointConfiguration`): hash it, not the raw Domain;
 *     - r.references.DomainName / DomainNameV2 is what `!Ref <Api>.DomainName` / `.DomainNameV2` resolve to.
 *   after the last API: add finishRecordSetGroups(groups) to Resources (shared RecordSetGroups, first-seen order).
 *   The Domain value must be given as SAM sees it: with `!Ref` to template Parameters already replaced by their
 *   Default (SAM resolves parameter refs in SAM resources before lowering; the hashes depend on it).
 *
 * `samLogicalIdHash` is SAM's LogicalIdGenerator (SHA-1 of a compact sorted-key JSON), usable for other ids.
 */
import type { Diagnostic } from '../diagnostics/types';
import type { Json, JsonObject, JsonPath } from '../model/json';
import type { GeneratedResource, PassthroughAttributes } from './usage-plan';

export interface DomainInput {
  apiId: string;
  /** `Domain` as written (after Globals and parameter-default resolution). */
  domain: Json | undefined;
  /** Logical id of the API's Stage resource. */
  stageId: string;
  attributes: PassthroughAttributes;
  location: { path: JsonPath; resource: string };
}

/** Shared Route53 RecordSetGroups across the template, keyed by logical id, in first-seen order. */
export interface RecordSetGroups {
  groups: GeneratedResource[];
}

export interface DomainResult {
  resources: GeneratedResource[];
  domainForHash?: JsonObject;
  references: { DomainName?: string; DomainNameV2?: string };
  diagnostics: Diagnostic[];
}

export function newRecordSetGroups(): RecordSetGroups {
  return { groups: [] };
}

/** SAM ApiGenerator `_construct_api_domain` (and its private-domain variant) for one API. */
export function lowerDomain(input: DomainInput, groups: RecordSetGroups): DomainResult {
  void input;
  void groups;
  throw new Error('lowerDomain: not implemented yet');
}

export function finishRecordSetGroups(groups: RecordSetGroups): GeneratedResource[] {
  return groups.groups;
}

/**
 * SAM LogicalIdGenerator: `prefix` + first `length` hex digits of SHA-1 over the data (a string as is,
 * anything else as JSON with sorted keys and no spaces); falsy data gives the prefix alone.
 */
export function samLogicalId(prefix: string, data: Json | undefined, length = 10): string {
  void data;
  void length;
  return prefix;
}
