import { deploymentLogicalId, Provenance, renderPy27 } from '../../src/emit/deployment-hash';
import type { JsonObject } from '../../src/model/json';

const AUTH = ['type', 'name', 'in', 'x-amazon-apigateway-authtype'];
const build = (keys: string[]): JsonObject => Object.fromEntries(keys.map((k) => [k, k])) as JsonObject;

describe('Provenance', () => {
  it('marks a template subtree as a snapshot: later keys and replaced strings are native', () => {
    const prov = new Provenance();
    const body: JsonObject = { swagger: '2.0', info: { title: 'T' }, tags: ['a'] };
    prov.fromTemplate(body);
    body.securityDefinitions = {};
    (body.info as JsonObject).title = 'Other';
    const text = renderPy27(body, prov);
    for (const part of ["u'info': {u'title': 'Other'}", "u'swagger': u'2.0'", "u'tags': [u'a']", "'securityDefinitions': {}"]) {
      expect(text).toContain(part);
    }
  });

  it('takes floats and source key order from fromTemplate options', () => {
    const prov = new Provenance();
    const body: JsonObject = { swagger: 2, responses: { '200': 'ok', default: 'x' } };
    prov.fromTemplate(body, {
      isFloat: (path) => path.join('/') === 'swagger',
      keyOrder: (path) => (path.join('/') === 'responses' ? ['default', '200'] : undefined),
    });
    expect(renderPy27(body, prov)).toContain("u'swagger': 2.0");
  });

  it('replays deletions: a dummy keeps a colliding key where it probed to', () => {
    const prov = new Provenance();
    const withDelete = build(['x-amazon-apigateway-authtype', 'in', 'type']);
    prov.deleteKey(withDelete, 'x-amazon-apigateway-authtype'); // slot 7 becomes a dummy; `in` stays in slot 3
    expect(renderPy27(withDelete, prov)).toBe("{'in': 'in', 'type': 'type'}");
    const fresh = build(['in', 'type']); // `in` in its home slot 7
    expect(renderPy27(fresh, prov)).toBe("{'type': 'type', 'in': 'in'}");
  });

  it('deepCopied rebuilds every Py27Dict below, once per object even when shared', () => {
    const prov = new Provenance();
    const shared = build(AUTH);
    const body: JsonObject = { a: shared, b: shared };
    const before = renderPy27(shared, prov);
    expect(before).toBe("{'x-amazon-apigateway-authtype': 'x-amazon-apigateway-authtype', 'type': 'type', 'name': 'name', 'in': 'in'}");
    prov.deepCopied(body);
    expect(renderPy27(shared, prov)).toBe("{'in': 'in', 'type': 'type', 'name': 'name', 'x-amazon-apigateway-authtype': 'x-amazon-apigateway-authtype'}");
  });

  it('plain dicts keep insertion order, also through deletions and re-insertions', () => {
    const prov = new Provenance();
    const d = build(['b', 'a', 'c']);
    prov.plainDict(d);
    prov.deleteKey(d, 'b');
    d.b = 'again';
    expect(renderPy27(d, prov)).toBe("{'a': 'a', 'c': 'c', 'b': 'again'}");
  });

  it('merged presizes the table before the keys are set', () => {
    const prov = new Provenance();
    const keys = [...AUTH, 'x-amazon-apigateway-authorizer', 'summary'];
    const merged: JsonObject = {};
    prov.merged(merged, keys);
    for (const k of keys) merged[k] = 1;
    const oneByOne = build(keys);
    // 16 slots vs 32: `summary` lands elsewhere.
    expect(prov.py27Order(merged).join()).toBe('name,in,x-amazon-apigateway-authtype,type,x-amazon-apigateway-authorizer,summary');
    expect(prov.py27Order(oneByOne).join()).toBe('name,in,summary,x-amazon-apigateway-authtype,type,x-amazon-apigateway-authorizer');
  });
});

describe('deploymentLogicalId', () => {
  it('hashes the Body, the OpenAPI version and the domain JSON joined by ||', () => {
    const prov = new Provenance();
    const body: JsonObject = { swagger: '2.0' };
    const domain: JsonObject = { DomainName: 'example.com' };
    const id = deploymentLogicalId('MyApi', body, prov, { openApiVersion: '3.0.1', domain });
    expect(id.hashInput).toBe(`{'swagger': '2.0'}||3.0.1||{"DomainName": "example.com"}`);
    expect(id.logicalId).toBe(`MyApiDeployment${id.sha1.slice(0, 10)}`);
    expect(id.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(id.description).toBe(`RestApi deployment id: ${id.sha1}`);
    expect(deploymentLogicalId('MyApi', body, prov).hashInput).toBe("{'swagger': '2.0'}");
  });
});
