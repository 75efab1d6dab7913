/** The rules of custom domain lowering and SAM's logical id hash. */
import fc from 'fast-check';
import { finishRecordSetGroups, lowerDomain, newRecordSetGroups, samLogicalId, type DomainInput } from '../../src/emit/domain';
import type { Json, JsonObject } from '../../src/model/json';

describe('samLogicalId (SAM LogicalIdGenerator); expected values computed with Python', () => {
  test.each<[string, Json, string]>([
    ['ApiGatewayDomainNameV2', 'private.example.com', 'ApiGatewayDomainNameV27c603ed871'],
    ['ApiGatewayDomainName', 'api.example.com', 'ApiGatewayDomainName1bc412bb08'],
    ['RecordSetGroup', { Ref: 'HostedZoneId' }, 'RecordSetGroup1194dea82a'],
    ['RecordSetGroup', ['Z123', 'api.example.com'], 'RecordSetGroup55f672f567'],
    ['X', { b: 1, a: 'é\u2028', B: [true, null, 2.5, -3] }, 'Xce68c9ad6e'],
    ['X', { '\u{1F600}': 1, '\uffff': 2 }, 'Xe3b9d34782'],
    ['X', 'ünïcode', 'X979fe33b70'],
    ['X', { t: 'tab\there "q" \\ \x7f \x01' }, 'Xc92aaec798'],
    ['X', 1e-7, 'Xb9a480ee7f'],
    ['X', '', 'X'],
    ['X', {}, 'X'],
  ])('%s %j', (prefix, data, want) => {
    expect(samLogicalId(prefix, data)).toBe(want);
  });
});

function input(domain: Json, apiId = 'MyApi', extra: Partial<DomainInput> = {}): DomainInput {
  return { apiId, domain, stageId: `${apiId}ProdStage`, attributes: {}, location: { path: ['Resources', apiId, 'Properties', 'Domain'], resource: apiId }, ...extra };
}
const byId = (resources: { logicalId: string; resource: JsonObject }[]): JsonObject =>
  Object.fromEntries(resources.map((r) => [r.logicalId, r.resource]));

describe('regional and edge domains', () => {
  test('REGIONAL is the default: regional certificate, regional alias, and SAM additions to the hashed Domain', () => {
    const domain = { DomainName: 'api.example.com', CertificateArn: 'arn:cert', Route53: { HostedZoneName: 'example.com.' } };
    const groups = newRecordSetGroups();
    const r = lowerDomain(input(domain, 'MyApi', { attributes: { Condition: 'C' } }), groups);
    const id = 'ApiGatewayDomainName1bc412bb08';
    expect(r.diagnostics).toEqual([]);
    expect(byId(r.resources)).toEqual({
      [id]: {
        Type: 'AWS::ApiGateway::DomainName',
        Condition: 'C',
        Properties: { DomainName: 'api.example.com', RegionalCertificateArn: 'arn:cert', EndpointConfiguration: { Types: ['REGIONAL'] } },
      },
      MyApiBasePathMapping: {
        Type: 'AWS::ApiGateway::BasePathMapping',
        Condition: 'C',
        Properties: { DomainName: { Ref: id }, RestApiId: { Ref: 'MyApi' }, Stage: { Ref: 'MyApiProdStage' } },
      },
    });
    const zoneGroup = samLogicalId('RecordSetGroup', 'example.com.');
    expect(byId(finishRecordSetGroups(groups))).toEqual({
      [zoneGroup]: {
        Type: 'AWS::Route53::RecordSetGroup',
        Condition: 'C',
        Properties: {
          HostedZoneName: 'example.com.',
          RecordSets: [
            {
              Name: 'api.example.com',
              Type: 'A',
              AliasTarget: { HostedZoneId: { 'Fn::GetAtt': [id, 'RegionalHostedZoneId'] }, DNSName: { 'Fn::GetAtt': [id, 'RegionalDomainName'] } },
            },
          ],
        },
      },
    });
    expect(r.domainForHash).toEqual({ ...domain, ApiDomainName: id, EndpointConfiguration: 'REGIONAL' });
    expect(domain).not.toHaveProperty('ApiDomainName');
    expect(r.references).toEqual({ DomainName: id });
  });

  test('EDGE with Route53: CloudFront zone, DistributionDomainName written back into the hashed Domain', () => {
    const r = lowerDomain(
      input({ DomainName: 'e.example.com', CertificateArn: 'c', EndpointConfiguration: 'EDGE', Route53: { HostedZoneId: 'Z1', SeparateRecordSetGroup: true, IpV6: true, EvaluateTargetHealth: false } }),
      newRecordSetGroups(),
    );
    const id = samLogicalId('ApiGatewayDomainName', 'e.example.com');
    const dist = { 'Fn::GetAtt': [id, 'DistributionDomainName'] };
    const group = r.resources.find((x) => x.logicalId === samLogicalId('RecordSetGroup', ['Z1', 'e.example.com']))!;
    const alias = { EvaluateTargetHealth: false, HostedZoneId: 'Z2FDTNDATAQYW2', DNSName: dist };
    expect(group.resource['Properties']).toEqual({
      HostedZoneId: 'Z1',
      RecordSets: [
        { Name: 'e.example.com', Type: 'A', AliasTarget: alias },
        { Name: 'e.example.com', Type: 'AAAA', AliasTarget: alias },
      ],
    });
    expect((r.domainForHash!['Route53'] as JsonObject)['DistributionDomainName']).toEqual(dist);
    expect((byId(r.resources)[id] as JsonObject)['Properties']).toEqual({ DomainName: 'e.example.com', CertificateArn: 'c', EndpointConfiguration: { Types: ['EDGE'] } });
  });

  test('APIs on one hosted zone share a RecordSetGroup', () => {
    const groups = newRecordSetGroups();
    lowerDomain(input({ DomainName: 'a.example.com', CertificateArn: 'c', Route53: { HostedZoneId: 'Z1' } }, 'A'), groups);
    lowerDomain(input({ DomainName: 'b.example.com', CertificateArn: 'c', Route53: { HostedZoneId: 'Z1' } }, 'B'), groups);
    const all = finishRecordSetGroups(groups);
    expect(all).toHaveLength(1);
    expect(((all[0]!.resource['Properties'] as JsonObject)['RecordSets'] as JsonObject[]).map((r) => r['Name'])).toEqual(['a.example.com', 'b.example.com']);
  });

  test.each<[string, Json, [string, string | undefined][]]>([
    ['a string base path', '/v1/', [['MyApiv1BasePathMapping', 'v1']]],
    ['a list', ['/', 'two'], [['MyApiBasePathMapping', ''], ['MyApitwoBasePathMapping', 'two']]],
    ['an empty list is no base path', [], [['MyApiBasePathMapping', undefined]]],
  ])('BasePath: %s', (_name, basePath, want) => {
    const r = lowerDomain(input({ DomainName: 'd', CertificateArn: 'c', BasePath: basePath }), newRecordSetGroups());
    const mappings = r.resources.filter((x) => x.resource['Type'] === 'AWS::ApiGateway::BasePathMapping');
    expect(mappings.map((m) => [m.logicalId, (m.resource['Properties'] as JsonObject)['BasePath']])).toEqual(want);
  });

  test('NormalizeBasePath: false keeps the base path as written (the id is still normalized)', () => {
    const r = lowerDomain(input({ DomainName: 'd', CertificateArn: 'c', BasePath: 'v-1', NormalizeBasePath: false }), newRecordSetGroups());
    expect(r.resources[1]!.logicalId).toBe('MyApiv1BasePathMapping');
    expect((r.resources[1]!.resource['Properties'] as JsonObject)['BasePath']).toBe('v-1');
  });

  test('mutual TLS and optional properties', () => {
    const r = lowerDomain(
      input({ DomainName: 'd', CertificateArn: 'c', MutualTlsAuthentication: { TruststoreUri: 's3://b/k' }, SecurityPolicy: 'TLS_1_2', OwnershipVerificationCertificateArn: 'o' }),
      newRecordSetGroups(),
    );
    expect(r.resources[0]!.resource['Properties']).toEqual({
      DomainName: 'd',
      RegionalCertificateArn: 'c',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      MutualTlsAuthentication: { TruststoreUri: 's3://b/k' },
      SecurityPolicy: 'TLS_1_2',
      OwnershipVerificationCertificateArn: 'o',
    });
  });
});

describe('private domains', () => {
  test('DomainNameV2, BasePathMappingV2 and the access association; the Domain is hashed as written', () => {
    const domain = { DomainName: 'p.example.com', CertificateArn: 'c', EndpointConfiguration: 'PRIVATE', Policy: { Statement: [] }, AccessAssociation: { VpcEndpointId: 'vpce-1' } };
    const r = lowerDomain(input(domain), newRecordSetGroups());
    const id = samLogicalId('ApiGatewayDomainNameV2', 'p.example.com');
    expect(byId(r.resources)).toEqual({
      [id]: {
        Type: 'AWS::ApiGateway::DomainNameV2',
        Properties: { DomainName: 'p.example.com', EndpointConfiguration: { Types: ['PRIVATE'] }, CertificateArn: 'c', Policy: { Statement: [] } },
      },
      MyApiBasePathMapping: {
        Type: 'AWS::ApiGateway::BasePathMappingV2',
        Properties: { DomainNameArn: { Ref: id }, RestApiId: { Ref: 'MyApi' }, Stage: { Ref: 'MyApiProdStage' } },
      },
      [samLogicalId('DomainNameAccessAssociation', ['vpce-1', id])]: {
        Type: 'AWS::ApiGateway::DomainNameAccessAssociation',
        Properties: { AccessAssociationSource: 'vpce-1', AccessAssociationSourceType: 'VPCE', DomainNameArn: { Ref: id } },
      },
    });
    expect(r.domainForHash).toEqual(domain);
    expect(r.references).toEqual({ DomainNameV2: id });
  });
});

describe('errors', () => {
  test.each<[string, Json, string, string]>([
    ['not a map', 'api.example.com', "Property 'Domain' should be a map.", '/Resources/MyApi/Properties/Domain'],
    ['no DomainName', { CertificateArn: 'c' }, "Property 'Domain.DomainName' is required.", '/Resources/MyApi/Properties/Domain'],
    ['no CertificateArn', { DomainName: 'd' }, "Property 'Domain.CertificateArn' is required.", '/Resources/MyApi/Properties/Domain'],
    ['unknown endpoint', { DomainName: 'd', CertificateArn: 'c', EndpointConfiguration: 'GLOBAL' }, "EndpointConfiguration for Custom Domains must be one of ['EDGE', 'REGIONAL', 'PRIVATE'].", '/Resources/MyApi/Properties/Domain/EndpointConfiguration'],
    ['mutual TLS field', { DomainName: 'd', CertificateArn: 'c', MutualTlsAuthentication: { Uri: 'x' } }, "Available Domain.MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].", '/Resources/MyApi/Properties/Domain/MutualTlsAuthentication'],
    ['base path not a string', { DomainName: 'd', CertificateArn: 'c', BasePath: ['a', 1] }, "Property 'Domain.BasePath[1]' should be a string.", '/Resources/MyApi/Properties/Domain/BasePath'],
    ['Route53 without a zone', { DomainName: 'd', CertificateArn: 'c', Route53: { IpV6: true } }, 'HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.', '/Resources/MyApi/Properties/Domain/Route53'],
    ['SeparateRecordSetGroup not a boolean', { DomainName: 'd', CertificateArn: 'c', Route53: { HostedZoneId: 'Z', SeparateRecordSetGroup: 'yes' } }, "Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean.", '/Resources/MyApi/Properties/Domain/Route53/SeparateRecordSetGroup'],
  ])('%s', (_name, domain, message, path) => {
    const r = lowerDomain(input(domain), newRecordSetGroups());
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toEqual([{ code: 'sam/invalid-domain', severity: 'error', message, path, resource: 'MyApi' }]);
  });
});

test('never throws, never mutates its input, same input gives the same output', () => {
  const domainish = fc.record(
    {
      DomainName: fc.oneof(fc.string(), fc.constant({ Ref: 'D' })),
      CertificateArn: fc.string(),
      EndpointConfiguration: fc.constantFrom('EDGE', 'REGIONAL', 'PRIVATE', 'X'),
      BasePath: fc.oneof(fc.string(), fc.array(fc.string())),
      Route53: fc.record({ HostedZoneId: fc.string(), IpV6: fc.boolean(), SeparateRecordSetGroup: fc.boolean() }, { requiredKeys: [] }),
      AccessAssociation: fc.record({ VpcEndpointId: fc.string() }),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.oneof(domainish as fc.Arbitrary<Json>, fc.jsonValue() as fc.Arbitrary<Json>), (domain) => {
      const before = JSON.stringify(domain);
      const a = lowerDomain(input(domain), newRecordSetGroups());
      const b = lowerDomain(input(domain), newRecordSetGroups());
      expect(JSON.stringify(domain)).toBe(before);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }),
  );
});
