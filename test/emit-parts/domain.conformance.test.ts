/**
 * Custom domains against SAM's own cases: every API of every `domain` case goes through lowerDomain in SAM's
 * API order, then finishRecordSetGroups. The domain, base path mapping, access association and Route53
 * resources must equal SAM's (whole values, lists as multisets; none missing or extra), and domainForHash must
 * equal the Domain JSON that SAM appended to the Deployment hash input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finishRecordSetGroups, lowerDomain, newRecordSetGroups, type DomainResult } from '../../src/emit/domain';
import type { GeneratedResource } from '../../src/emit/usage-plan';
import { isObject, type Json, type JsonObject } from '../../src/model/json';
import { casesWith, CONFORMANCE, deepSortLists, readCase, restApis } from './sam-case';

const DOMAIN_TYPES = [
  'AWS::ApiGateway::DomainName',
  'AWS::ApiGateway::DomainNameV2',
  'AWS::ApiGateway::BasePathMapping',
  'AWS::ApiGateway::BasePathMappingV2',
  'AWS::ApiGateway::DomainNameAccessAssociation',
  'AWS::Route53::RecordSetGroup',
];

function stageIdOf(expected: JsonObject, apiId: string): string {
  for (const [id, r] of Object.entries(expected['Resources'] as JsonObject)) {
    if (!isObject(r) || r['Type'] !== 'AWS::ApiGateway::Stage') continue;
    const props = r['Properties'] as JsonObject;
    if (isObject(props['RestApiId']) && props['RestApiId']['Ref'] === apiId) return id;
  }
  throw new Error(`no Stage for ${apiId}`);
}

interface HashInput {
  logicalId: string;
  hashInput: string;
}

describe('domains: SAM conformance cases', () => {
  test.each(casesWith('domain').map((c) => c.case))('%s', (name) => {
    const c = readCase(name);
    const expected = c.expected!;
    const hashInputs = JSON.parse(readFileSync(join(CONFORMANCE, name, 'deployment-hash-inputs.json'), 'utf8')) as HashInput[];
    const groups = newRecordSetGroups();
    const resources: GeneratedResource[] = [];
    const perApi = new Map<string, DomainResult>();
    for (const api of restApis(c.input)) {
      const tags = api.properties['Tags'];
      const r = lowerDomain(
        {
          apiId: api.id,
          domain: api.properties['Domain'],
          stageId: stageIdOf(expected, api.id),
          attributes: api.attributes,
          ...(api.properties['PropagateTags'] === true && isObject(tags) ? { propagateTags: tags } : {}),
          location: { path: ['Resources', api.id, 'Properties', 'Domain'], resource: api.id },
        },
        groups,
      );
      expect(r.diagnostics).toEqual([]);
      resources.push(...r.resources);
      perApi.set(api.id, r);
    }
    resources.push(...finishRecordSetGroups(groups));

    const want: JsonObject = {};
    for (const [id, r] of Object.entries(expected['Resources'] as JsonObject)) {
      if (isObject(r) && DOMAIN_TYPES.includes(String(r['Type']))) want[id] = r;
    }
    const got: JsonObject = {};
    for (const r of resources) got[r.logicalId] = r.resource;
    expect(Object.keys(want).length).toBeGreaterThan(0);
    expect(deepSortLists(got)).toEqual(deepSortLists(want));

    // The Domain JSON is the last `||` part of the hash input of the API's Deployment.
    for (const [apiId, r] of perApi) {
      if (r.domainForHash === undefined) continue;
      const h = hashInputs.find((x) => x.logicalId.startsWith(`${apiId}Deployment`));
      const parts = h!.hashInput.split('||');
      expect(r.domainForHash).toEqual(JSON.parse(parts[parts.length - 1]!) as Json);
    }
  });
});
