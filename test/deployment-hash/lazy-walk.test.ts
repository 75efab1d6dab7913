/**
 * The optimized Provenance (runs of rebuilds replayed through their cycle, route-scoped deep copies that leave
 * unchanged path items unwalked) against the straightforward one kept in reference-provenance.ts:
 *   1. replaying a history with runs of rebuilds = replaying every rebuild one by one (random histories);
 *   2. random editor sessions on a doc, recorded by both: same 2.7 order for every dict ever made;
 *   3. whole transforms (every conformance input, the bench's synthetic templates, a synthetic template with
 *      the features that edit the Body) with the reference Provenance swapped in: the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { insertionOrderOf, type KeyOp } from '../../src/emit/deployment-hash/provenance';
import { afterRebuilds, orderOfLog, ReplayMemo, replayKeyOps } from '../../src/emit/deployment-hash/replay';
import { Py27Keys } from '../../src/emit/deployment-hash/py27-dict';
import { isObject, type Json, type JsonObject } from '../../src/model/json';
import { syntheticTemplate } from '../../bench/synthetic';
import { ReferenceProvenance } from './reference-provenance';
import { InspectableProvenance } from './inspectable-provenance';
import { CASES_DIR, loadManifest } from '../conformance/harness';

/** Keys that collide a lot in small tables (and a few that do not). */
const KEYS = ['in', 'x-amazon-apigateway-authtype', 'type', 'name', 'get', 'post', 'put', 'delete', 'options', 'responses', 'security', 'parameters', 'x-amazon-apigateway-integration', 'a', 'b', 'c', '200', '404'];

/** The straightforward replay: one simulated table, one step at a time, every rebuild on its own. */
function naiveReplay(log: readonly KeyOp[]): string[] {
  let table = new Py27Keys();
  for (const step of log) {
    if (step.op === 'insert') table.add(step.key);
    else if (step.op === 'delete') table.remove(step.key);
    else if (step.op === 'merge') table.presize(step.count);
    else if (step.op === 'rebuild') for (let i = 0; i < (step.times ?? 1); i++) table = Py27Keys.of(table.keys());
    else {
      const fresh = new Py27Keys();
      fresh.merge(table.keys());
      table = fresh;
    }
  }
  return table.keys();
}

const keyOp: fc.Arbitrary<KeyOp> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KEYS).map((key): KeyOp => ({ op: 'insert', key })) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS).map((key): KeyOp => ({ op: 'delete', key })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((count): KeyOp => ({ op: 'merge', count })) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }).map((times): KeyOp => (times === 1 ? { op: 'rebuild' } : { op: 'rebuild', times })) },
  { weight: 1, arbitrary: fc.constant<KeyOp>({ op: 'copy' }) },
);

describe('replaying runs of rebuilds', () => {
  it('gives the order the one-by-one replay gives, on random histories', () => {
    fc.assert(
      fc.property(fc.array(keyOp, { maxLength: 40 }), (log) => {
        expect(replayKeyOps(log)).toEqual(naiveReplay(log));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same orders with one memo shared by every replay (as a Provenance shares it)', () => {
    const memo = new ReplayMemo();
    fc.assert(
      fc.property(fc.array(keyOp, { maxLength: 40 }), (log) => {
        expect(replayKeyOps(log, memo)).toEqual(naiveReplay(log));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same orders for dicts of 20 to 40 keys (a paths dict), through one memo', () => {
    const memo = new ReplayMemo();
    const many = Array.from({ length: 40 }, (_, i) => `/svc${i >> 2}/res${i}/{id}`);
    const longOp: fc.Arbitrary<KeyOp> = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...many).map((key): KeyOp => ({ op: 'insert', key })) },
      { weight: 1, arbitrary: fc.constantFrom(...many).map((key): KeyOp => ({ op: 'delete', key })) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }).map((times): KeyOp => ({ op: 'rebuild', times })) },
    );
    fc.assert(
      fc.property(fc.array(longOp, { minLength: 20, maxLength: 80 }), (log) => {
        expect(replayKeyOps(log, memo)).toEqual(naiveReplay(log));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same orders through the memo of histories (orderOfLog), seen before or not', () => {
    const memo = new ReplayMemo();
    fc.assert(
      fc.property(fc.array(keyOp, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (log, cut) => {
        // A prefix first, so that the whole history finds part of its steps in the memo.
        const prefix = log.slice(0, cut);
        expect([...orderOfLog(memo, prefix)]).toEqual(naiveReplay(prefix));
        expect([...orderOfLog(memo, log)]).toEqual(naiveReplay(log));
        expect([...orderOfLog(memo, log)]).toEqual(naiveReplay(log));
      }),
      { numRuns: 400 },
    );
  });

  it('jumps through a cycle: the order after n rebuilds, for n up to three periods and far beyond', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: 600 }), (keys, n) => {
        let order = keys;
        for (let i = 0; i < Math.min(n, 12); i++) order = Py27Keys.of(order).keys();
        if (n <= 12) expect(afterRebuilds(keys, n)).toEqual(order);
        // Far beyond the period: against a one-by-one replay (inserting the keys is the first rebuild).
        if (n > 12) expect(afterRebuilds(keys, n)).toEqual(naiveReplay([...keys.map((key): KeyOp => ({ op: 'insert', key })), { op: 'rebuild', times: n - 1 }]));
      }),
      { numRuns: 150 },
    );
  });

  it('sees cycles longer than one (the reason the count matters)', () => {
    // Some key sets do not settle after one rebuild: their order alternates.
    const periodic = fc.sample(fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 4, maxLength: 14 }), { numRuns: 3000, seed: 7 }).some((keys) => {
      const once = Py27Keys.of(keys).keys();
      const twice = Py27Keys.of(once).keys();
      return JSON.stringify(once) !== JSON.stringify(twice);
    });
    expect(periodic).toBe(true);
  });
});

// ---- random editor sessions, recorded by both implementations ------------------------------------------------

type Step =
  /** `chain`: when a session follows, its opening copy comes with this one's close, in one walk (RouteSessions). */
  | { kind: 'session'; route: { path: number; method: number | null } | null; edits: Edit[]; chain: boolean }
  | { kind: 'read'; pick: number }
  | { kind: 'rebuilt'; pick: number }
  | { kind: 'copied'; pick: number }
  | { kind: 'wrap'; route: number }
  | { kind: 'copies'; times: number };

type Edit =
  | { kind: 'add'; at: number; key: string; dict: boolean }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'merge'; at: number; keys: string[] }
  | { kind: 'top'; key: string };

const ROUTES = ['/a', '/b', '/c', '/d', '/e', '/f'];
const METHODS = ['get', 'post', 'put', 'delete'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), dict: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), at: fc.nat(), keys: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('top' as const), key: fc.constantFrom('x-amazon-apigateway-policy', 'definitions', 'info', 'tags') }) },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('session' as const), route: fc.option(fc.record({ path: fc.nat({ max: ROUTES.length - 1 }), method: fc.option(fc.nat({ max: METHODS.length - 1 }), { freq: 3 }) }), { freq: 4 }), edits: fc.array(edit, { maxLength: 6 }), chain: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rebuilt' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copied' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), route: fc.nat({ max: ROUTES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copies' as const), times: fc.integer({ min: 1, max: 5 }) }) },
);

/** Dicts below `node` (itself included), in walk order. */
function dictsBelow(node: Json, out: JsonObject[] = []): JsonObject[] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) node.forEach((item) => dictsBelow(item, out));
  else {
    out.push(node);
    for (const key of Object.keys(node)) dictsBelow(node[key] as Json, out);
  }
  return out;
}

/**
 * Runs `steps` on a fresh doc, telling both provenances. A route session edits only paths[path] or
 * paths[path][method] (and the doc's other top-level keys), as an event does; a session without a route may edit
 * any path item.
 */
function run(steps: Step[]): { made: JsonObject[]; fast: InspectableProvenance; ref: ReferenceProvenance } {
  const fast = new InspectableProvenance();
  const ref = new ReferenceProvenance();
  const paths: JsonObject = {};
  const doc: JsonObject = { swagger: '2.0', info: { title: 't' }, paths };
  fast.fromTemplate(doc);
  ref.fromTemplate(doc);
  const made: JsonObject[] = [doc, doc.info as JsonObject, paths];
  const both = (f: (p: InspectableProvenance | ReferenceProvenance) => void): void => {
    f(fast);
    f(ref);
  };
  // deleteKey deletes: the reference records on the object as it was, then the fast one does.
  const deleteKey = (obj: JsonObject, key: string): void => {
    const entries = Object.entries(obj);
    ref.deleteKey(obj, key);
    for (const k of Object.keys(obj)) delete obj[k];
    for (const [k, v] of entries) obj[k] = v;
    fast.deleteKey(obj, key);
  };
  const deepCopied = (route: string[] | undefined, times = 1): void => {
    fast.deepCopied(doc, route === undefined ? undefined : { container: paths, path: route }, times);
    for (let i = 0; i < times; i++) ref.deepCopied(doc);
  };
  // Whether the last session's close walk recorded this session's opening copy too.
  let opened = false;
  steps.forEach((s, index) => {
    if (s.kind === 'session') {
      const route = s.route === null ? undefined : [ROUTES[s.route.path] as string, ...(s.route.method === null ? [] : [METHODS[s.route.method] as string])];
      if (!opened) deepCopied(route);
      opened = false;
      // Where the session may write: the route's subtree (made if missing, as addPath does), or anything.
      const scope = (): JsonObject[] => {
        if (route === undefined) return dictsBelow(doc);
        let node = paths;
        for (const key of route) {
          if (!isObject(node[key])) {
            node[key] = {};
            made.push(node[key] as JsonObject);
          }
          node = node[key] as JsonObject;
        }
        return dictsBelow(node);
      };
      for (const e of s.edits) {
        if (e.kind === 'top') {
          const dict: JsonObject = { Version: '2012-10-17' };
          made.push(dict);
          if (e.key in doc && e.key !== 'info') deleteKey(doc, e.key);
          else doc[e.key] = dict;
          continue;
        }
        const targets = scope().filter((d) => d !== doc && d !== paths);
        if (targets.length === 0) continue;
        const target = targets[e.at % targets.length] as JsonObject;
        if (e.kind === 'add') {
          if (e.dict) {
            const child: JsonObject = { type: 'object', in: 'x' };
            made.push(child);
            target[e.key] = child;
          } else target[e.key] = e.key;
        } else if (e.kind === 'delete') {
          const keys = Object.keys(target);
          if (keys.length > 0) {
            const key = keys[e.pick % keys.length] as string;
            deleteKey(target, key);
          }
        } else {
          both((p) => p.merged(target, e.keys));
          for (const key of e.keys) target[key] = key;
        }
      }
      opened = s.chain && steps[index + 1]?.kind === 'session';
      deepCopied(route, opened ? 2 : 1);
    } else if (s.kind === 'copies') {
      // Deep copies in a row with no edit between them: one walk for the fast provenance, one each for the reference.
      fast.deepCopied(doc, undefined, s.times);
      for (let i = 0; i < s.times; i++) ref.deepCopied(doc);
    } else if (s.kind === 'wrap') {
      // makeConditional: a path item moved under a new Fn::If, then a full deep copy (as after SAM's plugin).
      const route = ROUTES[s.route] as string;
      if (!isObject(paths[route])) return;
      const wrapper: JsonObject = { 'Fn::If': ['Cond', paths[route] as Json, { Ref: 'AWS::NoValue' }] };
      made.push(wrapper, (wrapper['Fn::If'] as Json[])[2] as JsonObject);
      paths[route] = wrapper;
      deepCopied(undefined);
    } else {
      const all = dictsBelow(doc);
      const d = all[s.pick % all.length] as JsonObject;
      if (s.kind === 'read') expect(fast.py27Order(d)).toEqual(ref.py27Order(d));
      else if (s.kind === 'rebuilt') both((p) => p.rebuilt(d));
      else both((p) => p.copiedDict(d));
    }
  });
  return { made, fast, ref };
}

describe('route-scoped deep copies', () => {
  it('give every dict the 2.7 order the full walks give, on random editor sessions', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { made, fast, ref } = run(steps);
        for (const d of made) {
          expect(fast.py27Order(d)).toEqual(ref.py27Order(d));
          expect(insertionOrderOf(fast.history(d))).toEqual(ref.insertionOrder(d));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leave the other path items unwalked until they are needed', () => {
    const prov = new InspectableProvenance();
    const paths: JsonObject = { '/a': { get: {} }, '/b': { get: {} } };
    const doc: JsonObject = { paths };
    prov.deepCopied(doc);
    const a = paths['/a'] as JsonObject;
    prov.deepCopied(doc, { container: paths, path: ['/b'] });
    prov.deepCopied(doc, { container: paths, path: ['/b'] });
    // '/b' was walked three times, '/a' once so far in its log; reading '/a' logs the two it missed.
    expect(prov.history(paths['/b'] as JsonObject).at(-1)).toEqual({ op: 'rebuild', times: 3 });
    expect(prov.history(a).at(-1)).toEqual({ op: 'rebuild', times: 3 });
  });
});

// ---- whole transforms ------------------------------------------------------------------------------------

type Lower = (template: JsonObject, sourceMap?: unknown) => string;

/** desugar → normalize → validate → emit, without the size limits (the bench's large templates exceed them). */
function lowerWith(modules: {
  desugar: typeof import('../../src/normalize/dialect/index').desugar;
  normalize: typeof import('../../src/normalize/index').normalize;
  validate: (model: import('../../src/model/auth').AuthModel, template: JsonObject) => import('../../src/diagnostics/types').Diagnostic[];
  emit: typeof import('../../src/emit/index').emit;
}): Lower {
  return (template, sourceMap) => {
    const d = modules.desugar(structuredClone(template));
    const options = { parameterValues: { param1: 'value1', param2: 'value2' }, region: 'us-east-1', accountId: '123456789012' };
    const n = modules.normalize(d.template, options);
    const diagnostics = [...n.diagnostics, ...modules.validate(n.model, d.template)];
    if (diagnostics.some((x) => x.severity === 'error')) return JSON.stringify(diagnostics);
    return JSON.stringify(modules.emit(n.model, d.template, { ...options, ...(sourceMap ? { sourceMap: sourceMap as never } : {}) }));
  };
}

function loadLower(): Lower {
  return lowerWith({
    desugar: (require('../../src/normalize/dialect/index') as typeof import('../../src/normalize/dialect/index')).desugar,
    normalize: (require('../../src/normalize/index') as typeof import('../../src/normalize/index')).normalize,
    validate: (model, template) => {
      const v = require('../../src/validate/index') as typeof import('../../src/validate/index');
      return v.validate(model, template, v.RULES);
    },
    emit: (require('../../src/emit/index') as typeof import('../../src/emit/index')).emit,
  });
}

const optimized = loadLower();
let reference: Lower = optimized;
jest.isolateModules(() => {
  jest.doMock('../../src/emit/deployment-hash/provenance', () => {
    const actual = jest.requireActual('../../src/emit/deployment-hash/provenance');
    return { ...actual, Provenance: ReferenceProvenance };
  });
  reference = loadLower();
});

/** The bench's synthetic template with the features that edit the Body on some routes and APIs. */
function richTemplate(routes: number): JsonObject {
  const template = syntheticTemplate(routes).template;
  const resources = template.Resources as JsonObject;
  template.Conditions = { IsProd: { 'Fn::Equals': ['a', 'a'] } };
  let a = 0;
  for (const [id, resource] of Object.entries(resources)) {
    const r = resource as JsonObject;
    const props = r.Properties as JsonObject;
    if (r.Type === 'AWS::Serverless::Api') {
      props.Cors = a % 2 === 0 ? "'*'" : { AllowOrigin: "'https://example.com'", AllowHeaders: "'X-Trace'" };
      props.GatewayResponses = { DEFAULT_4XX: { ResponseParameters: { Headers: { 'Access-Control-Allow-Origin': "'*'" } } } };
      props.Models = { User: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, age: { type: 'integer' } } } };
      props.BinaryMediaTypes = ['image~1png'];
      if (a % 3 === 1) props.OpenApiVersion = '3.0.1';
      a++;
    }
    if (r.Type === 'AWS::Serverless::Function' && props.Events) {
      const n = Number(id.replace(/\D/g, ''));
      if (n % 4 === 1) r.Condition = 'IsProd';
      Object.values(props.Events as JsonObject).forEach((event, i) => {
        const p = (event as JsonObject).Properties as JsonObject;
        if (i % 5 === 2) p.RequestModel = { Model: 'User', Required: true, ValidateBody: true };
        if (i % 6 === 3) p.RequestParameters = ['method.request.header.X-Trace', { 'method.request.querystring.page': { Required: false, Caching: true } }];
        if (i % 7 === 4) {
          const auth = (p.Auth as JsonObject | undefined) ?? {};
          p.Auth = { ...auth, ResourcePolicy: { IpRangeBlacklist: ['10.0.0.0/8'], SourceVpcWhitelist: ['vpc-1234'] } };
        }
        if (n % 6 === 5 && i % 3 === 0) {
          // A route on the implicit API, which knows only AWS_IAM (Globals.Api).
          delete p.RestApiId;
          delete p.RequestModel;
          if (isObject(p.Auth) && p.Auth.Authorizer !== 'NONE') p.Auth = { ...p.Auth, Authorizer: 'AWS_IAM' };
        }
      });
    }
  }
  template.Globals = { ...(template.Globals as JsonObject), Api: { Auth: { DefaultAuthorizer: 'AWS_IAM', ResourcePolicy: { AwsAccountWhitelist: ['123456789012'] } } } };
  return template;
}

/**
 * HttpApi events written into lowered REST APIs (their sessions are route-scoped too): OpenAPI 3 bodies, one
 * managed by SAM and one the user's (with paths, a path-level parameter list and a conditional path item), many
 * methods per path, $default, Auth with scopes, timeouts, payload versions, path parameters, function
 * Conditions, and Api events on the same APIs.
 */
function httpApiTemplate(routes: number): JsonObject {
  const authorizers = { Token: { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth', AuthorizationScopes: ['a/read'] } };
  const userBody: JsonObject = {
    openapi: '3.0.1',
    info: { title: 'user', version: '1' },
    paths: {
      '/svc0/{id}': { parameters: [{ name: 'id', in: 'path', required: true }], get: { responses: {} } },
      '/cond': { 'Fn::If': ['IsProd', { get: { responses: {} } }, { Ref: 'AWS::NoValue' }] },
    },
  };
  const resources: JsonObject = {
    Managed: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod', OpenApiVersion: '3.0.1', Auth: { DefaultAuthorizer: 'Token', Authorizers: authorizers } } },
    User: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod', DefinitionBody: userBody, Auth: { DefaultAuthorizer: 'Token', Authorizers: authorizers } } },
  };
  const methods = ['get', 'post', 'put', 'delete', 'ANY'];
  for (let f = 0; f * 10 < routes; f++) {
    const events: JsonObject = {};
    for (let r = f * 10; r < Math.min(routes, f * 10 + 10); r++) {
      const api = r % 3 === 2 ? 'User' : 'Managed';
      // Five methods on each path; each path and method once in the template.
      const group = Math.floor(r / 5);
      let path = `/svc${group % 4}/res${group}${group % 3 === 0 ? '/{id}' : ''}`;
      let method = methods[r % methods.length] as string;
      if (r === 8) [path, method] = ['/svc0/{id}', 'get'];
      if (r === 11) [path, method] = ['/cond', 'get'];
      if (r % 11 === 4 && api === 'Managed') {
        events[`Rest${r}`] = { Type: 'Api', Properties: { RestApiId: { Ref: api }, Path: `/rest${r}`, Method: method === 'ANY' ? 'get' : method } };
        continue;
      }
      const props: JsonObject = { ApiId: { Ref: api } };
      if (r !== 6 && r !== 20) Object.assign(props, { Path: path, Method: method });
      if (r % 4 === 1) props.Auth = { Authorizer: 'Token', AuthorizationScopes: ['a/write'] };
      if (r % 4 === 3) props.Auth = { Authorizer: 'NONE' };
      if (r % 5 === 2) props.TimeoutInMillis = 900;
      if (r % 6 === 5) props.PayloadFormatVersion = '1.0';
      events[`Http${r}`] = { Type: 'HttpApi', Properties: props };
    }
    resources[`Fn${f}`] = { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 's3://b/k', Handler: 'i.h', Runtime: 'nodejs20.x', Events: events }, ...(f % 3 === 1 ? { Condition: 'IsProd' } : {}) };
  }
  return { Conditions: { IsProd: { 'Fn::Equals': ['a', 'a'] } }, Resources: resources };
}

describe('the transform with the reference Provenance', () => {
  it('swaps in (the test would compare one implementation with itself otherwise)', () => {
    expect(reference).not.toBe(optimized);
  });

  const manifest = loadManifest();
  it('gives the same bytes on every conformance input', () => {
    const { parseTemplate } = require('../../src/parse/index') as typeof import('../../src/parse/index');
    let compared = 0;
    for (const c of manifest.filter((m) => m.kind === 'ok')) {
      const parsed = parseTemplate(readFileSync(join(CASES_DIR, c.case, 'input.yaml'), 'utf8'), 'input.yaml');
      if (!parsed.ok) continue;
      expect({ case: c.case, out: optimized(parsed.template, parsed.sourceMap) }).toEqual({ case: c.case, out: reference(parsed.template, parsed.sourceMap) });
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it.each([10, 90, 300])('gives the same bytes on the bench template of %i routes', (routes) => {
    const template = syntheticTemplate(routes).template;
    expect(optimized(template)).toBe(reference(template));
  });

  it.each([12, 120, 260])('gives the same bytes on a template of %i routes with Cors, models, policies, conditions', (routes) => {
    const template = richTemplate(routes);
    const out = optimized(template);
    expect(out.slice(out.indexOf('"diagnostics"'))).not.toContain('"severity":"error"');
    // The features are there (the largest template has them all: two APIs, one on OpenAPI 3).
    const features = ['Deployment', 'x-amazon-apigateway-policy', 'x-amazon-apigateway-request-validator', '"options"', 'gateway-responses', 'binary-media'];
    if (routes >= 120) features.push('Fn::If', 'ServerlessRestApi');
    if (routes >= 260) features.push('"openapi"', '"components"');
    for (const feature of features) expect(out).toContain(feature);
    expect(out).toBe(reference(template));
  });

  it.each([15, 80, 200])('gives the same bytes on a template of %i HttpApi and Api events on REST APIs', (routes) => {
    const template = httpApiTemplate(routes);
    const out = optimized(template);
    expect(out.slice(out.indexOf('"diagnostics"'))).not.toContain('"severity":"error"');
    for (const feature of ['payloadFormatVersion', 'timeoutInMillis', '$default', 'Fn::If', 'a/write', '"openapi"']) expect(out).toContain(feature);
    expect(out).toBe(reference(template));
  });
});
