/**
 * Resource policies against SAM's own cases: for every API of every `auth:resource-policy` case, feed
 * addEventResourcePolicy / addApiResourcePolicy what the emitter will feed them, in SAM's order, and compare
 * the result with the `x-amazon-apigateway-policy` in SAM's expected Body (whole value, lists as multisets
 * like SAM's tests, and in exact order too).
 */
import { addApiResourcePolicy, addEventResourcePolicy } from '../../src/emit/resource-policy';
import type { Diagnostic } from '../../src/diagnostics/types';
import { isObject, type Json, type JsonObject } from '../../src/model/json';
import { casesWith, deepSortLists, readCase, restApis, type CaseApi } from './sam-case';

const POLICY = 'x-amazon-apigateway-policy';

function methodKey(method: Json | undefined): string {
  const m = String(method).toLowerCase();
  return m === 'any' ? 'x-amazon-apigateway-any-method' : m;
}

/** The policy SAM would write for one API, and the diagnostics on the way. */
function lowerPolicy(api: CaseApi, finalPaths: JsonObject): { policy: Json | undefined; diagnostics: Diagnostic[] } {
  const definition = isObject(api.properties['DefinitionBody']) ? api.properties['DefinitionBody'] : undefined;
  let policy: Json | undefined = definition?.[POLICY];
  const userPaths = definition && isObject(definition['paths']) ? definition['paths'] : {};
  const stage = api.properties['StageName'] ?? null;
  const seen = new Map<string, Set<string>>();
  for (const e of api.events) {
    const path = String(e.properties['Path']);
    const keys = seen.get(path) ?? new Set(Object.keys(isObject(userPaths[path]) ? (userPaths[path] as JsonObject) : {}));
    keys.add(methodKey(e.properties['Method']));
    seen.set(path, keys);
    const auth = e.properties['Auth'];
    if (!isObject(auth)) continue;
    // The path item as it stands when SAM handles this event: the methods added so far, in the Body's order.
    const final = finalPaths[path];
    const pathItem: JsonObject = {};
    if (isObject(final)) for (const k of Object.keys(final)) if (keys.has(k)) pathItem[k] = final[k] as Json;
    const r = addEventResourcePolicy({
      policy,
      resourcePolicy: auth['ResourcePolicy'],
      path,
      pathItem,
      stage: e.ownerType === 'AWS::Serverless::StateMachine' ? null : stage,
      location: { path: ['Resources', e.owner, 'Properties', 'Events', e.name, 'Properties', 'Auth', 'ResourcePolicy'], resource: e.owner },
    });
    if (r.diagnostics.length > 0) return r;
    if (r.policy !== undefined) policy = r.policy;
  }
  const auth = api.properties['Auth'];
  if (isObject(auth)) {
    const r = addApiResourcePolicy({
      policy,
      resourcePolicy: auth['ResourcePolicy'],
      paths: finalPaths,
      stage,
      location: { path: ['Resources', api.id, 'Properties', 'Auth', 'ResourcePolicy'], resource: api.id },
    });
    if (r.diagnostics.length > 0) return r;
    if (r.policy !== undefined) policy = r.policy;
  }
  return { policy, diagnostics: [] };
}

const okCases = casesWith('auth:resource-policy').filter((c) => c.kind === 'ok');
const errorCases = casesWith('auth:resource-policy').filter((c) => c.kind === 'error');

describe('resource policy: SAM conformance cases', () => {
  test.each(okCases.map((c) => c.case))('%s', (name) => {
    const c = readCase(name);
    const resources = c.expected!['Resources'] as JsonObject;
    let compared = 0;
    for (const api of restApis(c.input)) {
      const rest = resources[api.id];
      if (!isObject(rest) || rest['Type'] !== 'AWS::ApiGateway::RestApi') continue;
      const body = (rest['Properties'] as JsonObject)['Body'];
      if (!isObject(body)) continue;
      const paths = (isObject(body['paths']) ? body['paths'] : {}) as JsonObject;
      const got = lowerPolicy(api, paths);
      expect(got.diagnostics).toEqual([]);
      expect(deepSortLists(got.policy)).toEqual(deepSortLists(body[POLICY]));
      expect(got.policy).toEqual(body[POLICY]);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('resource policy: SAM error cases', () => {
  const resourcePolicyErrors = errorCases.filter((c) => c.case !== 'error_intrinsic_sub_with_list');
  test.each(resourcePolicyErrors.map((c) => c.case))('%s', (name) => {
    const c = readCase(name);
    const messages: string[] = [];
    for (const api of restApis(c.input)) {
      // The Body SAM would have built: each event's path and method.
      const paths: JsonObject = {};
      for (const e of api.events) {
        const item = (paths[String(e.properties['Path'])] ??= {}) as JsonObject;
        item[methodKey(e.properties['Method'])] = {};
      }
      const got = lowerPolicy(api, paths);
      messages.push(...got.diagnostics.map((d) => d.message));
    }
    expect(messages.length).toBe(1);
    expect(c.error).toContain(messages[0]);
  });
});
