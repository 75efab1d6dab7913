/**
 * Usage plans against SAM's own cases: every API of every `auth:usage-plan` case goes through lowerUsagePlan
 * in SAM's API order, then finishSharedUsagePlan; the UsagePlan / ApiKey / UsagePlanKey resources and the
 * SharedUsagePlanCondition must equal SAM's expected output (whole values; lists as multisets, as SAM's tests
 * compare them), and no such resource may be missing or extra.
 */
import {
  finishSharedUsagePlan,
  lowerUsagePlan,
  newSharedUsagePlan,
  SHARED_USAGE_PLAN_CONDITION,
  type GeneratedResource,
} from '../../src/emit/usage-plan';
import type { Diagnostic } from '../../src/diagnostics/types';
import { isObject, type JsonObject } from '../../src/model/json';
import { casesWith, deepSortLists, readCase, restApis } from './sam-case';

const USAGE_TYPES = ['AWS::ApiGateway::UsagePlan', 'AWS::ApiGateway::ApiKey', 'AWS::ApiGateway::UsagePlanKey'];

function stageIdOf(expected: JsonObject | undefined, apiId: string): string {
  const resources = (expected?.['Resources'] ?? {}) as JsonObject;
  for (const [id, r] of Object.entries(resources)) {
    if (!isObject(r) || r['Type'] !== 'AWS::ApiGateway::Stage') continue;
    const props = r['Properties'] as JsonObject;
    if (isObject(props['RestApiId']) && props['RestApiId']['Ref'] === apiId) return id;
  }
  return `${apiId}ProdStage`;
}

function lowerAll(input: JsonObject, expected: JsonObject | undefined): {
  resources: GeneratedResource[];
  condition?: unknown;
  diagnostics: Diagnostic[];
} {
  const shared = newSharedUsagePlan();
  const resources: GeneratedResource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const api of restApis(input)) {
    const auth = api.properties['Auth'];
    const tags = api.properties['Tags'];
    const r = lowerUsagePlan(
      {
        apiId: api.id,
        usagePlan: isObject(auth) ? auth['UsagePlan'] : undefined,
        stageId: stageIdOf(expected, api.id),
        attributes: api.attributes,
        hasConditionsSection: input['Conditions'] !== undefined,
        ...(api.properties['PropagateTags'] === true && isObject(tags) ? { propagateTags: tags } : {}),
        location: { path: ['Resources', api.id, 'Properties', 'Auth', 'UsagePlan'], resource: api.id },
      },
      shared,
    );
    resources.push(...r.resources);
    diagnostics.push(...r.diagnostics);
  }
  const s = finishSharedUsagePlan(shared);
  resources.push(...s.resources);
  return { resources, condition: s.condition, diagnostics };
}

const cases = casesWith('auth:usage-plan');

describe('usage plans: SAM conformance cases', () => {
  test.each(cases.filter((c) => c.kind === 'ok').map((c) => c.case))('%s', (name) => {
    const c = readCase(name);
    const got = lowerAll(c.input, c.expected);
    expect(got.diagnostics).toEqual([]);
    const expectedResources: JsonObject = {};
    for (const [id, r] of Object.entries(c.expected!['Resources'] as JsonObject)) {
      if (isObject(r) && USAGE_TYPES.includes(String(r['Type']))) expectedResources[id] = r;
    }
    const gotResources: JsonObject = {};
    for (const r of got.resources) gotResources[r.logicalId] = r.resource;
    expect(deepSortLists(gotResources)).toEqual(deepSortLists(expectedResources));
    const conditions = c.expected!['Conditions'];
    const expectedCondition = isObject(conditions) ? conditions[SHARED_USAGE_PLAN_CONDITION] : undefined;
    expect(deepSortLists(got.condition as never)).toEqual(deepSortLists(expectedCondition));
  });
});

describe('usage plans: SAM error cases', () => {
  test.each(cases.filter((c) => c.kind === 'error').map((c) => c.case))('%s', (name) => {
    const c = readCase(name);
    const got = lowerAll(c.input, undefined);
    expect(got.diagnostics).toHaveLength(1);
    const d = got.diagnostics[0]!;
    // SAM: "Resource with id [X] is invalid. <message>"
    expect(c.error).toContain(`Resource with id [${d.resource}] is invalid. ${d.message}`);
  });
});
