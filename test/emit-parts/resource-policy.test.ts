/** The rules of resource policy lowering, one row each, plus the invariants (never throws, pure, deterministic). */
import fc from 'fast-check';
import {
  addApiResourcePolicy,
  addEventResourcePolicy,
  methodResources,
  type ApiResourcePolicyInput,
} from '../../src/emit/resource-policy';
import type { Json } from '../../src/model/json';

const location = { path: ['Resources', 'MyApi', 'Properties', 'Auth', 'ResourcePolicy'], resource: 'MyApi' };
const sub = (resource: string, stage: Json = 'Prod'): Json => ({ 'Fn::Sub': [resource, { __Stage__: stage }] });

function api(resourcePolicy: Json, paths: Json = { '/a': { get: {} } }, policy?: Json): ApiResourcePolicyInput {
  return { policy, resourcePolicy, paths, stage: 'Prod', location };
}

describe('methodResources', () => {
  test.each<[string, string, Json, Json[]]>([
    ['one method', '/pets', { get: {} }, [sub('execute-api:/${__Stage__}/GET/pets')]],
    ['ANY is *', '/pets', { 'x-amazon-apigateway-any-method': {} }, [sub('execute-api:/${__Stage__}/*/pets')]],
    ['path parameters are *', '/pets/{id}/{proxy+}', { put: {} }, [sub('execute-api:/${__Stage__}/PUT/pets/*/*')]],
    ['every key counts, as in SAM', '/p', { get: {}, parameters: [] }, [sub('execute-api:/${__Stage__}/GET/p'), sub('execute-api:/${__Stage__}/PARAMETERS/p')]],
    [
      'both branches of Fn::If, without AWS::NoValue',
      '/p',
      { 'Fn::If': ['C', { get: {} }, { Ref: 'AWS::NoValue' }] },
      [sub('execute-api:/${__Stage__}/GET/p')],
    ],
    ['no path item, no resources', '/p', null, []],
  ])('%s', (_name, path, item, want) => {
    expect(methodResources(path, item === null ? undefined : item, 'Prod')).toEqual(want);
  });

  test('a path item that is not a map is an error', () => {
    expect(methodResources('/p', 'nope', 'Prod')).toEqual({
      error: "Value of '/p' path must be a dictionary according to Swagger spec.",
    });
  });
});

describe('statements', () => {
  const get = [sub('execute-api:/${__Stage__}/GET/a')];
  test.each<[string, Json, Json | undefined]>([
    ['an empty list adds nothing (SAM still writes the empty policy)', { AwsAccountWhitelist: [] }, {}],
    [
      'a lone account statement is an object',
      { AwsAccountWhitelist: ['111'] },
      { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: get, Principal: { AWS: ['111'] } } },
    ],
    [
      'an account map is wrapped in a list',
      { AwsAccountBlacklist: { Ref: 'Account' } },
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: get, Principal: { AWS: [{ Ref: 'Account' }] } },
      },
    ],
    [
      'IP allow list: open Allow plus Deny outside the ranges',
      { IpRangeWhitelist: '10.0.0.0/8' },
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: get, Principal: '*' },
          {
            Effect: 'Deny',
            Action: 'execute-api:Invoke',
            Resource: get,
            Principal: '*',
            Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } },
          },
        ],
      },
    ],
    [
      'VPC allow list splits vpc- and vpce- ids; intrinsic lists join them',
      { SourceVpcWhitelist: ['vpc-1', 'vpce-2', 'other'], IntrinsicVpceWhitelist: [{ Ref: 'E' }] },
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: get, Principal: '*' },
          {
            Effect: 'Deny',
            Action: 'execute-api:Invoke',
            Resource: get,
            Principal: '*',
            Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-1'], 'aws:SourceVpce': ['vpce-2', { Ref: 'E' }] } },
          },
        ],
      },
    ],
    [
      // SAM extends a list with the value: an intrinsic map contributes its key, exactly as SAM writes it.
      'an intrinsic map given as IntrinsicVpcBlacklist adds its key, as SAM does',
      { IntrinsicVpcBlacklist: { Ref: 'Vpc' } },
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: get, Principal: '*' },
          { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: get, Principal: '*', Condition: { StringEquals: { 'aws:SourceVpc': ['Ref'] } } },
        ],
      },
    ],
    [
      'custom statements alone are placed as written',
      { CustomStatements: { Effect: 'Allow', Action: 'x' } },
      { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'x' } },
    ],
  ])('%s', (_name, resourcePolicy, want) => {
    const r = addApiResourcePolicy(api(resourcePolicy));
    expect(r.diagnostics).toEqual([]);
    expect(r.policy).toEqual(want);
  });

  test('statements already in the definition are kept; equal custom statements are not repeated', () => {
    const existing = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'x' } };
    const r = addApiResourcePolicy(
      api({ CustomStatements: [{ Action: 'x', Effect: 'Allow' }, { Effect: 'Deny', Action: 'y' }] }, {}, existing),
    );
    expect(r.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'x' },
        { Effect: 'Deny', Action: 'y' },
      ],
    });
    expect(existing.Statement).toEqual({ Effect: 'Allow', Action: 'x' });
  });

  test('an IP pair already present for the same resources is not added twice', () => {
    const first = addEventResourcePolicy({
      policy: undefined,
      resourcePolicy: { IpRangeBlacklist: ['1.2.3.4'] },
      path: '/a',
      pathItem: { get: {} },
      stage: 'Prod',
      location,
    });
    const second = addEventResourcePolicy({ policy: first.policy, resourcePolicy: { IpRangeBlacklist: ['1.2.3.4'] }, path: '/a', pathItem: { get: {} }, stage: 'Prod', location });
    expect(second.policy).toEqual(first.policy);
  });

  test('an API with no paths and no custom statements writes no policy key', () => {
    expect(addApiResourcePolicy(api({ IpRangeWhitelist: ['1.1.1.1'] }, {}))).toEqual({ policy: undefined, diagnostics: [] });
  });

  test('an event with a ResourcePolicy map always writes the key, even empty', () => {
    const r = addEventResourcePolicy({ policy: undefined, resourcePolicy: { IpRangeWhitelist: [] }, path: '/a', pathItem: { get: {} }, stage: null, location });
    expect(r).toEqual({ policy: {}, diagnostics: [] });
  });
});

describe('errors', () => {
  test.each<[string, Json, string, string]>([
    ['ResourcePolicy not a map', 'notadict', 'ResourcePolicy must be a map (ResourcePolicyStatement).', '/Resources/MyApi/Properties/Auth/ResourcePolicy'],
    [
      'SourceVpcBlacklist with an intrinsic',
      { SourceVpcBlacklist: [{ Ref: 'X' }] },
      'SourceVpcBlacklist must be a list of strings. Use IntrinsicVpcBlacklist instead for values that use Intrinsic Functions',
      '/Resources/MyApi/Properties/Auth/ResourcePolicy/SourceVpcBlacklist',
    ],
    [
      'SourceVpcWhitelist with an intrinsic',
      { SourceVpcWhitelist: [{ Ref: 'X' }] },
      'SourceVpcWhitelist must be a list of strings. Use IntrinsicVpcWhitelist instead for values that use Intrinsic Functions',
      '/Resources/MyApi/Properties/Auth/ResourcePolicy/SourceVpcWhitelist',
    ],
    ['an account list that is a number', { AwsAccountWhitelist: 123 }, "Type of '123' must be a list or dictionary", '/Resources/MyApi/Properties/Auth/ResourcePolicy/AwsAccountWhitelist'],
    ['an intrinsic VPC list that is a number', { IntrinsicVpcWhitelist: 5 }, 'IntrinsicVpcWhitelist must be a list.', '/Resources/MyApi/Properties/Auth/ResourcePolicy/IntrinsicVpcWhitelist'],
  ])('%s', (_name, resourcePolicy, message, pointer) => {
    const r = addApiResourcePolicy(api(resourcePolicy));
    expect(r.policy).toBeUndefined();
    expect(r.diagnostics).toEqual([{ code: 'sam/invalid-resource-policy', severity: 'error', message, path: pointer, resource: 'MyApi' }]);
  });

  test('the map check comes first even on an API without paths', () => {
    expect(addApiResourcePolicy(api(['x'], {})).diagnostics).toHaveLength(1);
  });

  test('an event ResourcePolicy that is not a map names the event property', () => {
    const r = addEventResourcePolicy({ policy: undefined, resourcePolicy: 'x', path: '/a', pathItem: { get: {} }, stage: 'Prod', location });
    expect(r.diagnostics.map((d) => d.message)).toEqual(["Property 'Auth.ResourcePolicy' should be a map."]);
  });
});

describe('invariants', () => {
  const json = fc.jsonValue() as fc.Arbitrary<Json>;
  const policyish = fc.dictionary(
    fc.constantFrom('AwsAccountWhitelist', 'AwsAccountBlacklist', 'IpRangeWhitelist', 'IpRangeBlacklist', 'SourceVpcWhitelist', 'SourceVpcBlacklist', 'IntrinsicVpcWhitelist', 'IntrinsicVpceBlacklist', 'CustomStatements'),
    json,
  ) as fc.Arbitrary<Json>;

  test('never throws, never mutates its input, same input gives the same output', () => {
    fc.assert(
      fc.property(fc.oneof(policyish, json), fc.dictionary(fc.string(), json), json, (resourcePolicy, paths, existing) => {
        const input = api(resourcePolicy, paths as Json, existing);
        const before = JSON.stringify(input);
        const a = addApiResourcePolicy(input);
        const b = addApiResourcePolicy(input);
        expect(JSON.stringify(input)).toBe(before);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
    );
  });
});
