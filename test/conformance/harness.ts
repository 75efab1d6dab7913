/**
 * Runs one SAM conformance case through transform() and judges it by the rules of
 * ../shared/conformance/sam/README.md: the API resources SAM generated for every API we lowered, under the
 * same ids with equal values (lists as multisets, key order ignored), nothing extra; error cases rejected.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../../src/parse/index';
import { normalize } from '../../src/normalize/index';
import { transform } from '../../src/transform';
import type { Json, JsonObject } from '../../src/model/json';
import { isObject } from '../../src/model/json';

export const CASES_DIR = process.env.SAM_CONFORMANCE_DIR ?? join(process.cwd(), '..', 'shared', 'conformance', 'sam');

export type Tier = 'exact' | 'equivalent' | 'error-rejected' | 'fail';

export interface CaseInfo {
  case: string;
  kind: 'ok' | 'error';
  features: string[];
}

export interface CaseResult {
  name: string;
  kind: 'ok' | 'error';
  tier: Tier;
  reason?: string;
  /** Error cases: whether our first message appears in SAM's error message. */
  sameMessage?: boolean;
  /** Ok cases that got as far as comparing: the ids of the API resources compared (SAM's side). */
  compared?: string[];
}

export function loadManifest(): CaseInfo[] {
  return JSON.parse(readFileSync(join(CASES_DIR, 'manifest.json'), 'utf8')) as CaseInfo[];
}

function canonical(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => {
      const x = JSON.stringify(a);
      const y = JSON.stringify(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical(value[key]);
    return out;
  }
  return value;
}

function isApiResource(resource: Json): boolean {
  if (!isObject(resource) || typeof resource.Type !== 'string') return false;
  if (resource.Type.startsWith('AWS::ApiGateway::') || resource.Type.startsWith('AWS::Route53::')) return true;
  return resource.Type === 'AWS::Lambda::Permission' && isObject(resource.Properties) && resource.Properties.Principal === 'apigateway.amazonaws.com';
}

function mentions(value: Json, id: string): boolean {
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (isObject(value)) {
    if (value.Ref === id) return true;
    return Object.values(value).some((v) => mentions(v, id));
  }
  return false;
}

function conditionsUsed(value: Json, out: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => conditionsUsed(v, out));
  else if (isObject(value)) {
    if (typeof value.Condition === 'string') out.add(value.Condition);
    const ifArgs = value['Fn::If'];
    if (Array.isArray(ifArgs) && typeof ifArgs[0] === 'string') out.add(ifArgs[0]);
    Object.values(value).forEach((v) => conditionsUsed(v, out));
  }
}

/**
 * Prefixes of the permissions SAM's own pass will still make from the events we leave in place (an `HttpApi`
 * event on a real HttpApi, or any event on an API we do not lower): `<Function><Event>Permission…`. They are
 * SAM's to make, not ours. Events we consume (Api events, and HttpApi events aimed at a REST API we lower) are
 * gone from the fragment, so their permissions are compared.
 */
function eventsLeftToSam(fragment: JsonObject): string[] {
  const resources = isObject(fragment.Resources) ? fragment.Resources : {};
  const prefixes: string[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    const events = isObject(resource) && isObject(resource.Properties) ? resource.Properties.Events : undefined;
    if (isObject(events)) for (const name of Object.keys(events)) prefixes.push(id + name + 'Permission');
  }
  return prefixes;
}

/** API resources of a template, minus those of APIs we leave to SAM (no auth) and of events SAM still gets. */
function apiPart(template: JsonObject, untouchedApis: string[], leftToSam: string[] = []): JsonObject {
  const resources = isObject(template.Resources) ? template.Resources : {};
  const out: JsonObject = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isApiResource(resource)) continue;
    if (untouchedApis.some((api) => id === api || id.startsWith(api + 'Deployment') || mentions(resource, api))) continue;
    if (leftToSam.some((prefix) => id.startsWith(prefix))) continue;
    out[id] = resource;
  }
  const used = new Set<string>();
  conditionsUsed(out, used);
  const conditions = isObject(template.Conditions) ? template.Conditions : {};
  const usedConditions: JsonObject = {};
  for (const name of [...used].sort()) usedConditions[name] = conditions[name] ?? null;
  return { Resources: out, Conditions: usedConditions };
}

/** Equivalent tier: Deployment ids lose their hash suffix and Deployments their Description. */
function withoutDeploymentHashes(part: JsonObject): JsonObject {
  const text = JSON.stringify(part).replace(/(\w+Deployment)[0-9a-f]{10}\b/g, '$1');
  const value = JSON.parse(text) as JsonObject;
  for (const resource of Object.values(value.Resources as JsonObject)) {
    if (isObject(resource) && resource.Type === 'AWS::ApiGateway::Deployment' && isObject(resource.Properties)) delete resource.Properties.Description;
  }
  return value;
}

function firstDifference(a: Json, b: Json, path = ''): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a)) return `${path}/${key}: extra in ours`;
      if (!(key in b)) return `${path}/${key}: missing in ours`;
      const d = firstDifference(a[key], b[key], `${path}/${key}`);
      if (d) return d;
    }
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}/${i}`);
      if (d) return d;
    }
  }
  return `${path}: expected ${JSON.stringify(a)?.slice(0, 200)} got ${JSON.stringify(b)?.slice(0, 200)}`;
}

export function runCase(info: CaseInfo): CaseResult {
  const dir = join(CASES_DIR, info.case);
  const result = (tier: Tier, reason?: string): CaseResult => ({ name: info.case, kind: info.kind, tier, ...(reason ? { reason } : {}) });
  const parsed = parseTemplate(readFileSync(join(dir, 'input.yaml'), 'utf8'), 'input.yaml');
  if (!parsed.ok) return info.kind === 'error' ? result('error-rejected') : result('fail', 'parse: ' + parsed.diagnostics[0]?.message);
  let out;
  try {
    out = transform(parsed.template, { parameterValues: { param1: 'value1', param2: 'value2' }, sourceMap: parsed.sourceMap });
  } catch (error) {
    return result('fail', 'crash: ' + (error instanceof Error ? error.message : String(error)));
  }
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  if (info.kind === 'error') {
    if (errors.length === 0) return result('fail', 'accepted');
    const sam = (JSON.parse(readFileSync(join(dir, 'error.json'), 'utf8')) as { errorMessage: string }).errorMessage;
    const first = errors[0].message;
    const r = result('error-rejected');
    r.sameMessage = sam.includes(first) || sam.includes(first.replace(/^Event with id \[[^\]]*\] is invalid\. /, ''));
    return r;
  }
  if (errors.length > 0) return result('fail', `rejected: ${errors[0].message} (${errors[0].path})`);
  if (!existsSync(join(dir, 'expected.json'))) return result('fail', 'no expected.json');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as JsonObject;
  const fragment = out.fragment as JsonObject;
  const untouched = normalize(parsed.template).model.apis.filter((a) => !a.hasAuth).map((a) => a.logicalId);
  const leftToSam = eventsLeftToSam(fragment);
  const want = apiPart(expected, untouched, leftToSam);
  const got = apiPart(fragment, untouched, leftToSam);
  const leftover = Object.entries((fragment.Resources ?? {}) as JsonObject).find(
    ([, r]) => isObject(r) && r.Type === 'AWS::Serverless::Api' && !untouched.includes(''),
  );
  void leftover;
  const compared = Object.keys(want.Resources as JsonObject);
  const judged = (tier: Tier, reason?: string): CaseResult => ({ ...result(tier, reason), compared });
  if (JSON.stringify(canonical(want)) === JSON.stringify(canonical(got))) return judged('exact');
  const wantEq = canonical(withoutDeploymentHashes(want));
  const gotEq = canonical(withoutDeploymentHashes(got));
  if (JSON.stringify(wantEq) === JSON.stringify(gotEq)) return judged('equivalent', 'deployment hash differs');
  return judged('fail', firstDifference(wantEq, gotEq));
}
