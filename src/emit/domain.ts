/**
 * Custom domains: SAM's `Domain` on a REST API lowered into AWS::ApiGateway::DomainName with
 * BasePathMapping(s), or, for `EndpointConfiguration: PRIVATE`, AWS::ApiGateway::DomainNameV2 with
 * BasePathMappingV2(s) and a DomainNameAccessAssociation; plus Route53 RecordSetGroups. SAM's logical ids
 * (hashed with samLogicalId) and SAM's errors.
 *
 * HOW THE EMITTER CALLS THIS:
 *   const groups = newRecordSetGroups();     // once per template: APIs on one hosted zone share a RecordSetGroup
 *   for each lowered API with `Domain`, in SAM's API order, once its Stage logical id is known, BEFORE hashing
 *   the Deployment:
 *     const r = lowerDomain({ apiId, domain: properties.Domain, stageId, attributes, propagateTags, location }, groups);
 *     - add r.resources to Resources, in order (domain, base path mappings, access association, and a
 *       `SeparateRecordSetGroup` group);
 *     - hash the Deployment with `domain: r.domainForHash` — the Domain as SAM holds it then (SAM adds
 *       `ApiDomainName`, a default `EndpointConfiguration: REGIONAL` and, for EDGE + Route53, the Route53
 *       `DistributionDomainName`); it is a fresh object, the input is not changed;
 *     - r.references.DomainName / .DomainNameV2 is what `!Ref <Api>.DomainName` / `.DomainNameV2` resolve to.
 *   after the last API: add finishRecordSetGroups(groups) to Resources (shared groups, first-seen order; their
 *   RecordSets accumulate over APIs, so add them only at the end).
 *   `domain` must be given as SAM sees it: after Globals, with `!Ref` to template Parameters replaced by their
 *   value (SAM resolves parameter refs in `Domain`; the hashed ids depend on it). Stop lowering on an error.
 */
import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import { isObject, type Json, type JsonObject, type JsonPath } from '../model/json';
import { copyGiven, copyTruthy, pythonTruthy } from '../model/python';
import { samLogicalId } from './sam-logical-id';
import { passthrough, tagList, type GeneratedResource, type PassthroughAttributes } from './usage-plan';

export { samLogicalId } from './sam-logical-id';

export interface DomainInput {
  apiId: string;
  /** `Domain` as SAM sees it (after Globals and parameter resolution); undefined when absent. */
  domain: Json | undefined;
  /** Logical id of the API's Stage resource. */
  stageId: string;
  /** The API's Condition / DeletionPolicy / UpdateReplacePolicy as written. */
  attributes: PassthroughAttributes;
  /** The API's `Tags` when `PropagateTags` is true: they become the domain's Tags. */
  propagateTags?: JsonObject;
  /** Template path of the Domain value, and the resource to blame. */
  location: { path: JsonPath; resource: string };
}

/** Shared Route53 RecordSetGroups across the template, in first-seen order. */
export interface RecordSetGroups {
  groups: GeneratedResource[];
}

export interface DomainResult {
  resources: GeneratedResource[];
  /** The Domain value to hash into the Deployment id (undefined when the API has no Domain). */
  domainForHash?: JsonObject;
  references: { DomainName?: string; DomainNameV2?: string };
  diagnostics: Diagnostic[];
}

export function newRecordSetGroups(): RecordSetGroups {
  return { groups: [] };
}

export function finishRecordSetGroups(groups: RecordSetGroups): GeneratedResource[] {
  return groups.groups;
}

const ENDPOINTS = ['EDGE', 'REGIONAL', 'PRIVATE'];
const MTLS_FIELDS = ['TruststoreUri', 'TruststoreVersion'];
/** CloudFront's hosted zone, the alias target of every EDGE domain. */
const CLOUDFRONT_HOSTED_ZONE = 'Z2FDTNDATAQYW2';

/** SAM ApiGenerator `_construct_api_domain` (and its private-domain variant) for one API. */
export function lowerDomain(input: DomainInput, groups: RecordSetGroups): DomainResult {
  const { location } = input;
  const empty: DomainResult = { resources: [], references: {}, diagnostics: [] };
  if (input.domain === undefined || input.domain === null) return empty;
  const fail = (message: string, ...keys: string[]): DomainResult => ({
    ...empty,
    diagnostics: [diagnostic('sam/invalid-domain', message, [...location.path, ...keys], location.resource)],
  });
  if (!isObject(input.domain)) return fail("Property 'Domain' should be a map.");
  // A copy: SAM mutates its Domain dict, and the Deployment hash sees those changes.
  const domain: JsonObject = structuredClone(input.domain);
  const domainName = domain['DomainName'];
  if (domainName === undefined || domainName === null) return fail("Property 'Domain.DomainName' is required.");
  const certificateArn = domain['CertificateArn'];
  if (certificateArn === undefined || certificateArn === null) return fail("Property 'Domain.CertificateArn' is required.");

  const endpoint = domain['EndpointConfiguration'] ?? 'REGIONAL';
  if (typeof endpoint !== 'string' || !ENDPOINTS.includes(endpoint)) {
    return fail("EndpointConfiguration for Custom Domains must be one of ['EDGE', 'REGIONAL', 'PRIVATE'].", 'EndpointConfiguration');
  }
  const isPrivate = endpoint === 'PRIVATE';
  const attributes = passthrough(input.attributes);

  const domainId = samLogicalId(isPrivate ? 'ApiGatewayDomainNameV2' : 'ApiGatewayDomainName', domainName);
  const domainProps: JsonObject = { DomainName: domainName };
  if (isPrivate) {
    domainProps['EndpointConfiguration'] = { Types: [endpoint] };
    copyTruthy(domain, domainProps, ['SecurityPolicy', 'EndpointAccessMode']);
    domainProps['CertificateArn'] = certificateArn;
    copyTruthy(domain, domainProps, ['Policy']);
  } else {
    domain['ApiDomainName'] = domainId;
    if (domain['EndpointConfiguration'] === undefined || domain['EndpointConfiguration'] === null) domain['EndpointConfiguration'] = 'REGIONAL';
    domainProps[endpoint === 'REGIONAL' ? 'RegionalCertificateArn' : 'CertificateArn'] = certificateArn;
    domainProps['EndpointConfiguration'] = { Types: [endpoint] };
    const mtls = domain['MutualTlsAuthentication'];
    if (pythonTruthy(mtls) && mtls !== undefined) {
      if (!isObject(mtls)) return fail("Property 'Domain.MutualTlsAuthentication' should be a map.", 'MutualTlsAuthentication');
      if (Object.keys(mtls).some((k) => !MTLS_FIELDS.includes(k))) {
        return fail("Available Domain.MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].", 'MutualTlsAuthentication');
      }
      domainProps['MutualTlsAuthentication'] = copyTruthy(mtls, {}, MTLS_FIELDS);
    }
    copyTruthy(domain, domainProps, ['SecurityPolicy', 'EndpointAccessMode', 'OwnershipVerificationCertificateArn']);
  }
  // SAM's PropagateTags replaces the Tags of every generated resource that has them.
  if (input.propagateTags !== undefined) domainProps['Tags'] = tagList(input.propagateTags);
  const resources: GeneratedResource[] = [
    {
      logicalId: domainId,
      resource: {
        Type: isPrivate ? 'AWS::ApiGateway::DomainNameV2' : 'AWS::ApiGateway::DomainName',
        ...attributes,
        Properties: domainProps,
      },
    },
  ];

  const mappings = basePathMappings(input, domain, domainId, isPrivate, attributes);
  if (typeof mappings === 'string') return fail(mappings, 'BasePath');
  resources.push(...mappings);

  if (isPrivate) {
    const association = accessAssociation(domain, domainId, attributes);
    if (association !== undefined) resources.push(association);
  }

  const route53 = domain['Route53'];
  if (route53 !== undefined && route53 !== null) {
    if (!isObject(route53)) return fail("Property 'Domain.Route53' should be a map.", 'Route53');
    const zone = route53['HostedZoneId'] ?? route53['HostedZoneName'];
    if (zone === undefined || zone === null) {
      return fail('HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.', 'Route53');
    }
    const separate = route53['SeparateRecordSetGroup'];
    if (pythonTruthy(separate) && separate !== true) {
      return fail("Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean.", 'Route53', 'SeparateRecordSetGroup');
    }
    const records = recordSets(domain, route53, domainId, endpoint);
    if (separate === true) {
      const props = copyTruthy(route53, {}, ['HostedZoneId', 'HostedZoneName']);
      props['RecordSets'] = records;
      resources.push({
        logicalId: samLogicalId('RecordSetGroup', [zone, domainName]),
        resource: { Type: 'AWS::Route53::RecordSetGroup', ...attributes, Properties: props },
      });
    } else {
      addToSharedGroup(groups, samLogicalId('RecordSetGroup', zone), route53, records, attributes);
    }
  }

  return {
    resources,
    domainForHash: domain,
    references: isPrivate ? { DomainNameV2: domainId } : { DomainName: domainId },
    diagnostics: [],
  };
}

/** One mapping without BasePath, or one per base path (`<Api><alnum path>BasePathMapping`). */
function basePathMappings(
  input: DomainInput,
  domain: JsonObject,
  domainId: string,
  isPrivate: boolean,
  attributes: JsonObject,
): GeneratedResource[] | string {
  const type = isPrivate ? 'AWS::ApiGateway::BasePathMappingV2' : 'AWS::ApiGateway::BasePathMapping';
  const target: JsonObject = isPrivate ? { DomainNameArn: { Ref: domainId } } : { DomainName: { Ref: domainId } };
  const common: JsonObject = { ...target, RestApiId: { Ref: input.apiId }, Stage: { Ref: input.stageId } };
  const value = domain['BasePath'];
  const basePaths = !pythonTruthy(value) ? undefined : typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (basePaths === undefined) {
    return [{ logicalId: `${input.apiId}BasePathMapping`, resource: { Type: type, ...attributes, Properties: common } }];
  }
  const bad = basePaths.findIndex((p) => typeof p !== 'string');
  if (bad >= 0) return `Property 'Domain.BasePath[${bad}]' should be a string.`;
  // SAM keeps only letters and digits (a base path may not hold '/'), unless NormalizeBasePath is false.
  const normalize = domain['NormalizeBasePath'] ?? true;
  return (basePaths as string[]).map((basePath) => {
    const alnum = Array.from(basePath)
      .filter((ch) => /[\p{L}\p{N}]/u.test(ch))
      .join('');
    return {
      logicalId: `${input.apiId}${alnum}BasePathMapping`,
      resource: {
        Type: type,
        ...attributes,
        Properties: { BasePath: pythonTruthy(normalize) ? alnum : basePath, ...common },
      },
    };
  });
}

/** Private domains: `AccessAssociation.VpcEndpointId` grants that VPC endpoint access to the domain. */
function accessAssociation(domain: JsonObject, domainId: string, attributes: JsonObject): GeneratedResource | undefined {
  const association = domain['AccessAssociation'];
  if (!isObject(association)) return undefined;
  const vpce = association['VpcEndpointId'];
  if (vpce === undefined || vpce === null) return undefined;
  return {
    logicalId: samLogicalId('DomainNameAccessAssociation', [vpce, domainId]),
    resource: {
      Type: 'AWS::ApiGateway::DomainNameAccessAssociation',
      ...attributes,
      Properties: { AccessAssociationSource: vpce, AccessAssociationSourceType: 'VPCE', DomainNameArn: { Ref: domainId } },
    },
  };
}

/** An A record (and AAAA with IpV6: true) aliasing the domain name to the API's domain endpoint. */
function recordSets(domain: JsonObject, route53: JsonObject, domainId: string, endpoint: string): JsonObject[] {
  const alias: JsonObject = {};
  copyGiven(route53, alias, ['EvaluateTargetHealth']);
  if (endpoint === 'PRIVATE') {
    // A private domain resolves through the VPC endpoint that serves it.
    alias['HostedZoneId'] = route53['VpcEndpointHostedZoneId'] ?? null;
    alias['DNSName'] = route53['VpcEndpointDomainName'] ?? null;
  } else if (endpoint === 'REGIONAL') {
    alias['HostedZoneId'] = { 'Fn::GetAtt': [domainId, 'RegionalHostedZoneId'] };
    alias['DNSName'] = { 'Fn::GetAtt': [domainId, 'RegionalDomainName'] };
  } else {
    // SAM writes the default back into the Domain (the Deployment hash sees it).
    if (route53['DistributionDomainName'] === undefined || route53['DistributionDomainName'] === null) {
      route53['DistributionDomainName'] = { 'Fn::GetAtt': [domainId, 'DistributionDomainName'] };
    }
    alias['HostedZoneId'] = CLOUDFRONT_HOSTED_ZONE;
    alias['DNSName'] = route53['DistributionDomainName'] as Json;
  }
  const record = (type: string): JsonObject => {
    const r: JsonObject = { Name: domain['DomainName'] ?? null, Type: type, AliasTarget: { ...alias } };
    copyGiven(route53, r, ['Region', 'SetIdentifier']);
    return r;
  };
  return route53['IpV6'] === true ? [record('A'), record('AAAA')] : [record('A')];
}

function addToSharedGroup(
  groups: RecordSetGroups,
  logicalId: string,
  route53: JsonObject,
  records: JsonObject[],
  attributes: JsonObject,
): void {
  let group = groups.groups.find((g) => g.logicalId === logicalId);
  if (group === undefined) {
    const props: JsonObject = {};
    if ('HostedZoneId' in route53) props['HostedZoneId'] = route53['HostedZoneId'] as Json;
    if ('HostedZoneName' in route53) props['HostedZoneName'] = route53['HostedZoneName'] as Json;
    props['RecordSets'] = [];
    group = { logicalId, resource: { Type: 'AWS::Route53::RecordSetGroup', ...attributes, Properties: props } };
    groups.groups.push(group);
  }
  const props = group.resource['Properties'] as JsonObject;
  props['RecordSets'] = [...(props['RecordSets'] as Json[]), ...records];
}
