import { countRoutes, ROUTES_PER_API, syntheticTemplate } from '../../bench/synthetic';
import type { JsonObject } from '../../src/model/json';

function events(template: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  for (const resource of Object.values(template['Resources'] as JsonObject)) {
    const evs = ((resource as JsonObject)['Properties'] as JsonObject)?.['Events'] as JsonObject | undefined;
    if (evs) for (const e of Object.values(evs)) out.push((e as JsonObject)['Properties'] as JsonObject);
  }
  return out;
}

describe('syntheticTemplate', () => {
  it.each([10, 100, 1_000, 5_000])('holds exactly %i routes', (routes) => {
    expect(countRoutes(syntheticTemplate(routes).template)).toBe(routes);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(syntheticTemplate(300).template)).toBe(JSON.stringify(syntheticTemplate(300).template));
  });

  it('never repeats a path and method on one API, and stays under 300 API Gateway resources per API', () => {
    const seen = new Set<string>();
    const pathsPerApi = new Map<string, Set<string>>();
    for (const e of events(syntheticTemplate(1_000).template)) {
      const api = (e['RestApiId'] as { Ref: string }).Ref;
      const key = `${api} ${String(e['Method'])} ${String(e['Path'])}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const segments = pathsPerApi.get(api) ?? new Set<string>();
      const parts = String(e['Path']).split('/').slice(1);
      parts.forEach((_, i) => segments.add(parts.slice(0, i + 1).join('/')));
      pathsPerApi.set(api, segments);
    }
    expect(pathsPerApi.size).toBe(Math.ceil(1_000 / ROUTES_PER_API));
    for (const segments of pathsPerApi.values()) expect(segments.size).toBeLessThan(300);
  });

  it('mixes every authorizer kind as API default and as event override, with usage plans', () => {
    const { template } = syntheticTemplate(1_000);
    const apis = Object.values(template['Resources'] as JsonObject).filter(
      (r) => (r as JsonObject)['Type'] === 'AWS::Serverless::Api',
    ) as JsonObject[];
    const auths = apis.map((a) => (a['Properties'] as JsonObject)['Auth'] as JsonObject);
    expect(new Set(auths.map((a) => a['DefaultAuthorizer']))).toEqual(
      new Set(['CognitoAuth', 'TokenAuth', 'RequestAuth', 'AWS_IAM']),
    );
    expect(new Set(auths.map((a) => (a['UsagePlan'] as JsonObject)['CreateUsagePlan']))).toEqual(
      new Set(['PER_API', 'SHARED', 'NONE']),
    );
    const overrides = events(template)
      .map((e) => e['Auth'] as JsonObject | undefined)
      .filter((a): a is JsonObject => a !== undefined);
    expect(new Set(overrides.map((a) => a['Authorizer']))).toEqual(
      new Set(['CognitoAuth', 'TokenAuth', 'RequestAuth', 'AWS_IAM', 'NONE']),
    );
    expect(overrides.some((a) => a['ApiKeyRequired'] === true)).toBe(true);
    expect(overrides.some((a) => Array.isArray(a['AuthorizationScopes']))).toBe(true);
  });
});
