/** The rules of usage plan lowering: errors, PER_API, and the SHARED accumulator's attributes and condition. */
import fc from 'fast-check';
import {
  finishSharedUsagePlan,
  lowerUsagePlan,
  newSharedUsagePlan,
  type PassthroughAttributes,
  type SharedUsagePlan,
  type UsagePlanInput,
} from '../../src/emit/usage-plan';
import type { Json, JsonObject } from '../../src/model/json';

function input(apiId: string, usagePlan: Json | undefined, attributes: PassthroughAttributes = {}, hasConditionsSection = true): UsagePlanInput {
  return {
    apiId,
    usagePlan,
    stageId: `${apiId}ProdStage`,
    attributes,
    hasConditionsSection,
    location: { path: ['Resources', apiId, 'Properties', 'Auth', 'UsagePlan'], resource: apiId },
  };
}

describe('errors', () => {
  test.each<[string, Json, string, string]>([
    ['not a map', 'PER_API', "'UsagePlan' must be a dictionary", '/Resources/A/Properties/Auth/UsagePlan'],
    ['unknown property', { CreateUsagePlan: 'PER_API', Name: 'x' }, "Invalid property for 'UsagePlan'", '/Resources/A/Properties/Auth/UsagePlan/Name'],
    ['CreateUsagePlan missing', { Description: 'd' }, "'CreateUsagePlan' is a required field for UsagePlan.", '/Resources/A/Properties/Auth/UsagePlan'],
    ['CreateUsagePlan unknown', { CreateUsagePlan: 'ALL' }, "'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].", '/Resources/A/Properties/Auth/UsagePlan/CreateUsagePlan'],
    ['CreateUsagePlan an intrinsic', { CreateUsagePlan: { Ref: 'P' } }, "'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].", '/Resources/A/Properties/Auth/UsagePlan/CreateUsagePlan'],
  ])('%s', (_name, usagePlan, message, path) => {
    const r = lowerUsagePlan(input('A', usagePlan), newSharedUsagePlan());
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toEqual([{ code: 'sam/invalid-usage-plan', severity: 'error', message, path, resource: 'A' }]);
  });

  test('a conditional SHARED API needs a Conditions section', () => {
    const r = lowerUsagePlan(input('A', { CreateUsagePlan: 'SHARED' }, { Condition: 'C1' }, false), newSharedUsagePlan());
    expect(r.diagnostics.map((d) => d.message)).toEqual(["Can't have condition without having 'Conditions' section in the template"]);
  });
});

describe('PER_API', () => {
  test('UsagePlan, ApiKey, UsagePlanKey with the API attributes; only truthy optional properties are copied', () => {
    const r = lowerUsagePlan(
      input('A', { CreateUsagePlan: 'PER_API', Description: '', UsagePlanName: 'n', Throttle: { RateLimit: 1 } }, { Condition: 'C', DeletionPolicy: 'Retain' }),
      newSharedUsagePlan(),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.references).toEqual({ UsagePlan: 'AUsagePlan', ApiKey: 'AApiKey', UsagePlanKey: 'AUsagePlanKey' });
    expect(Object.fromEntries(r.resources.map((x) => [x.logicalId, x.resource]))).toEqual({
      AUsagePlan: {
        Type: 'AWS::ApiGateway::UsagePlan',
        DependsOn: ['A'],
        DeletionPolicy: 'Retain',
        Condition: 'C',
        Properties: { ApiStages: [{ ApiId: { Ref: 'A' }, Stage: { Ref: 'AProdStage' } }], Throttle: { RateLimit: 1 }, UsagePlanName: 'n' },
      },
      AApiKey: {
        Type: 'AWS::ApiGateway::ApiKey',
        DependsOn: ['AUsagePlan'],
        DeletionPolicy: 'Retain',
        Condition: 'C',
        Properties: { Enabled: true, StageKeys: [{ RestApiId: { Ref: 'A' }, StageName: { Ref: 'AProdStage' } }] },
      },
      AUsagePlanKey: {
        Type: 'AWS::ApiGateway::UsagePlanKey',
        DependsOn: ['AApiKey'],
        DeletionPolicy: 'Retain',
        Condition: 'C',
        Properties: { KeyId: { Ref: 'AApiKey' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'AUsagePlan' } },
      },
    });
  });

  test('NONE and absent make nothing', () => {
    const shared = newSharedUsagePlan();
    expect(lowerUsagePlan(input('A', { CreateUsagePlan: 'NONE' }), shared)).toEqual({ resources: [], references: {}, diagnostics: [] });
    expect(lowerUsagePlan(input('A', undefined), shared)).toEqual({ resources: [], references: {}, diagnostics: [] });
    expect(finishSharedUsagePlan(shared)).toEqual({ resources: [] });
  });
});

describe('SHARED', () => {
  function run(apis: [string, PassthroughAttributes][]): { shared: SharedUsagePlan; plan: JsonObject; condition?: Json } {
    const shared = newSharedUsagePlan();
    for (const [id, attributes] of apis) {
      const r = lowerUsagePlan(input(id, { CreateUsagePlan: 'SHARED' }, attributes), shared);
      expect(r.references).toEqual({ UsagePlan: 'ServerlessUsagePlan', ApiKey: 'ServerlessApiKey', UsagePlanKey: 'ServerlessUsagePlanKey' });
    }
    const s = finishSharedUsagePlan(shared);
    return { shared, plan: s.resources[0]!.resource, ...(s.condition !== undefined ? { condition: s.condition } : {}) };
  }
  const attrs = (plan: JsonObject): JsonObject => {
    const { Type: _t, DependsOn: _d, Properties: _p, ...rest } = plan;
    return rest;
  };

  test.each<[string, [string, PassthroughAttributes][], JsonObject, Json | undefined]>([
    ['no attributes', [['A', {}], ['B', {}]], {}, undefined],
    ['one conditional API: the condition name itself, as SAM writes it', [['A', { Condition: 'C1' }]], { Condition: 'SharedUsagePlanCondition' }, 'C1'],
    [
      'two conditional APIs: Fn::Or',
      [['A', { Condition: 'C1' }], ['B', { Condition: 'C2' }]],
      { Condition: 'SharedUsagePlanCondition' },
      { 'Fn::Or': [{ Condition: 'C1' }, { Condition: 'C2' }] },
    ],
    ['an API without condition drops the shared condition for good', [['A', { Condition: 'C1' }], ['B', {}], ['C', { Condition: 'C3' }]], {}, undefined],
    ['Retain wins over Delete', [['A', { DeletionPolicy: 'Retain' }], ['B', { DeletionPolicy: 'Delete' }]], { DeletionPolicy: 'Retain' }, undefined],
    ['a later Retain replaces Delete', [['A', { DeletionPolicy: 'Delete' }], ['B', { DeletionPolicy: 'Retain' }]], { DeletionPolicy: 'Retain' }, undefined],
    ['Snapshot replaces Delete', [['A', { UpdateReplacePolicy: 'Delete' }], ['B', { UpdateReplacePolicy: 'Snapshot' }]], { UpdateReplacePolicy: 'Snapshot' }, undefined],
    ['Delete does not replace Snapshot', [['A', { UpdateReplacePolicy: 'Snapshot' }], ['B', { UpdateReplacePolicy: 'Delete' }]], { UpdateReplacePolicy: 'Snapshot' }, undefined],
  ])('%s', (_name, apis, wantAttributes, wantCondition) => {
    const { plan, condition } = run(apis);
    expect(attrs(plan)).toEqual(wantAttributes);
    expect(condition).toEqual(wantCondition);
  });

  test('every API joins DependsOn, ApiStages and StageKeys once', () => {
    const shared = newSharedUsagePlan();
    for (const id of ['A', 'B', 'A']) lowerUsagePlan(input(id, { CreateUsagePlan: 'SHARED' }), shared);
    const [plan, key] = finishSharedUsagePlan(shared).resources;
    expect(plan!.resource['DependsOn']).toEqual(['A', 'B']);
    expect((plan!.resource['Properties'] as JsonObject)['ApiStages']).toHaveLength(2);
    expect((key!.resource['Properties'] as JsonObject)['StageKeys']).toHaveLength(2);
  });

  test('the optional properties are those of the last SHARED API, as SAM rebuilds the plan per API', () => {
    const shared = newSharedUsagePlan();
    lowerUsagePlan(input('A', { CreateUsagePlan: 'SHARED', Description: 'first' }), shared);
    lowerUsagePlan(input('B', { CreateUsagePlan: 'SHARED', UsagePlanName: 'second' }), shared);
    const props = finishSharedUsagePlan(shared).resources[0]!.resource['Properties'] as JsonObject;
    expect(props['Description']).toBeUndefined();
    expect(props['UsagePlanName']).toBe('second');
  });

  test('PropagateTags replaces the UsagePlan Tags and tags the ApiKey', () => {
    const shared = newSharedUsagePlan();
    lowerUsagePlan({ ...input('A', { CreateUsagePlan: 'SHARED', Tags: [{ Key: 'own', Value: '1' }] }), propagateTags: { team: 'x' } }, shared);
    const [plan, key] = finishSharedUsagePlan(shared).resources;
    expect((plan!.resource['Properties'] as JsonObject)['Tags']).toEqual([{ Key: 'team', Value: 'x' }]);
    expect((key!.resource['Properties'] as JsonObject)['Tags']).toEqual([{ Key: 'team', Value: 'x' }]);
  });
});

test('never throws, same input gives the same output', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const a = lowerUsagePlan(input('A', value as Json), newSharedUsagePlan());
      const b = lowerUsagePlan(input('A', value as Json), newSharedUsagePlan());
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }),
  );
});
