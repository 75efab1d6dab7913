/**
 * Every Deployment in ../shared/conformance/sam: rebuild the hashed Body from expected.json (the RestApi the
 * Deployment refs), take the unicode/float marks from the case's own hashInput (parsed as a Python literal),
 * and check that our renderer gives SAM's hashInput byte for byte, and so its sha1 and logical id.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Json, JsonObject } from '../../src/model/json';
import { isObject } from '../../src/model/json';
import { deploymentLogicalId, renderPy27 } from '../../src/emit/deployment-hash';
import { InspectableProvenance } from './inspectable-provenance';
import { parsePythonLiteral, type PyValue } from './python-literal';
import { CORE_SCHEMA, eventsToAst, parseEvents, type Node as YamlNode } from 'js-yaml';

const ROOT = path.resolve(__dirname, '../../../shared/conformance/sam');

interface HashRecord {
  logicalId: string;
  sha1: string;
  hashInput: string;
}

interface DeploymentCase {
  name: string;
  record: HashRecord;
  body: Json;
  /** The API's DefinitionBody as written (YAML AST), when it has one. */
  definitionBody: YamlNode | undefined;
}

function loadCases(): DeploymentCase[] {
  if (!fs.existsSync(ROOT)) return [];
  const out: DeploymentCase[] = [];
  for (const dir of fs.readdirSync(ROOT).sort()) {
    const hashFile = path.join(ROOT, dir, 'deployment-hash-inputs.json');
    if (!fs.existsSync(hashFile)) continue;
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'expected.json'), 'utf8')) as JsonObject;
    const resources = expected.Resources as JsonObject;
    const source = fs.readFileSync(path.join(ROOT, dir, 'input.yaml'), 'utf8');
    const input = eventsToAst(parseEvents(source, {}), { source, schema: CORE_SCHEMA })[0]?.contents ?? undefined;
    for (const record of JSON.parse(fs.readFileSync(hashFile, 'utf8')) as HashRecord[]) {
      const deployment = resources[record.logicalId] as JsonObject;
      const restApiId = ((deployment.Properties as JsonObject).RestApiId as JsonObject).Ref as string;
      const body = ((resources[restApiId] as JsonObject).Properties as JsonObject).Body as Json;
      const definitionBody = yamlAt(input, ['Resources', restApiId, 'Properties', 'DefinitionBody']);
      out.push({ name: `${dir} ${record.logicalId}`, record, body, definitionBody });
    }
  }
  return out;
}

/** The YAML node at `path` (mapping keys / sequence indexes), if there is one. */
function yamlAt(node: YamlNode | null | undefined, path: readonly (string | number)[]): YamlNode | undefined {
  let at: YamlNode | undefined = node ?? undefined;
  for (const step of path) {
    if (at?.kind === 'mapping') {
      at = at.items.find((i) => i.key.kind === 'scalar' && i.key.value === String(step))?.value;
    } else if (at?.kind === 'sequence' && typeof step === 'number') at = at.items[step];
    else return undefined;
  }
  return at;
}

/**
 * A dict from the DefinitionBody reaches the hash after SAM's deepcopies (two per SwaggerEditor session), and
 * a deepcopy cycle can be longer than two. Where the final order is not explained otherwise, rebuild the dict
 * from its source order and find how many deepcopies give the hashed order.
 */
function replayTemplateDicts(node: Json, prov: InspectableProvenance, yaml: YamlNode | undefined): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => replayTemplateDicts(item, prov, yaml?.kind === 'sequence' ? yaml.items[i] : undefined));
    return;
  }
  if (!isObject(node)) return;
  for (const key of Object.keys(node)) {
    const child = node[key] as Json;
    const childYaml = yaml?.kind === 'mapping' ? yamlAt(yaml, [key]) : undefined;
    replayTemplateDicts(child, prov, childYaml);
    if (!isObject(child) || childYaml?.kind !== 'mapping') continue;
    const final = Object.keys(child);
    if (prov.py27Order(child).join('\0') === final.join('\0')) continue;
    const sourceKeys = childYaml.items.flatMap((i) => (i.key.kind === 'scalar' && final.includes(i.key.value) ? [i.key.value] : []));
    const before = [...sourceKeys, ...final.filter((k) => !sourceKeys.includes(k))];
    node[key] = pickVariant(child, prov, final, before, () => undefined, (_pre, k) => child[k]!, [0, 1, 2, 3, 4, 5, 6, 7]);
  }
}

/**
 * A copy of `json` carrying the marks `py` shows. Dicts are inserted in expected.json's key order (the order SAM
 * serialized them, which is itself Python 2.7 order); the copy must print in the same order.
 */
function rebuild(py: PyValue, json: Json, prov: InspectableProvenance, where: string): Json {
  if (py.t === 'dict') {
    if (!isObject(json)) throw new Error(`${where}: expected an object`);
    const jsonKeys = Object.keys(json);
    const pyKeys = py.entries.map((e) => e.key.value);
    if ([...jsonKeys].sort().join('\0') !== [...pyKeys].sort().join('\0')) {
      throw new Error(`${where}: keys differ: json ${JSON.stringify(jsonKeys)} vs hashed ${JSON.stringify(pyKeys)}`);
    }
    const obj: JsonObject = {};
    for (const key of jsonKeys) {
      const entry = py.entries.find((e) => e.key.value === key)!;
      obj[key] = rebuild(entry.value, json[key] as Json, prov, `${where}/${key}`);
      if (entry.key.unicode) prov.unicodeKey(obj, key);
      markScalar(entry.value, obj, key, prov);
    }
    prov.keyOrder(obj, jsonKeys);
    return obj;
  }
  if (py.t === 'list') {
    if (!Array.isArray(json) || json.length !== py.items.length) throw new Error(`${where}: expected a list of ${py.items.length}`);
    const arr = py.items.map((item, i) => rebuild(item, json[i] as Json, prov, `${where}/${i}`));
    py.items.forEach((item, i) => markScalar(item, arr, i, prov));
    return arr;
  }
  const scalar = py.t === 'str' ? py.value : py.t === 'int' ? Number(py.value) : py.value;
  if (scalar !== json) throw new Error(`${where}: ${JSON.stringify(json)} vs hashed ${JSON.stringify(scalar)}`);
  return json;
}

function markScalar(py: PyValue, container: JsonObject | Json[], key: string | number, prov: InspectableProvenance): void {
  if (py.t === 'str' && py.unicode) prov.unicodeValue(container, key);
  if (py.t === 'float') prov.floatValue(container, key);
}

/**
 * SAM's `_openapi_postprocess` runs after the last deepcopy, so its edits show as dummies in the final tables:
 * it moves `securityDefinitions` / `definitions` under a (new, native) `components` and deletes them, and deletes
 * `consumes` / `produces` from CORS `options` methods. Replay it: rebuild each such dict as it was before
 * (one of the two tables a deepcopy cycle gives for its keys), make the same edits, and keep the variant whose
 * order is the hashed one. Returns the (possibly replaced) root.
 */
function replayOpenApiPostprocess(body: JsonObject, prov: InspectableProvenance): JsonObject {
  const final = Object.keys(body);
  const components = body.components;
  const created = isObject(components) && !prov.isUnicodeKey(body, 'components');
  const moved: [string, string][] = [];
  if (isObject(components)) {
    if ('securitySchemes' in components && !prov.isUnicodeKey(components, 'securitySchemes')) moved.push(['securityDefinitions', 'securitySchemes']);
    if ('schemas' in components && !prov.isUnicodeKey(components, 'schemas')) moved.push(['definitions', 'schemas']);
  }
  let root = body;
  if (moved.length > 0) {
    const before = [...final.filter((k) => !(created && k === 'components')), ...moved.map(([k]) => k)];
    root = pickVariant(body, prov, final, before, (pre) => {
      if (created) pre.components = components as JsonObject;
      for (const [key] of moved) prov.deleteKey(pre, key);
    }, (_pre, key) => (moved.find(([k]) => k === key) ? (components as JsonObject)[moved.find(([k]) => k === key)![1]]! : body[key]!));
  }
  const paths = root.paths;
  if (isObject(paths)) {
    for (const item of Object.values(paths)) {
      if (!isObject(item) || !isObject(item.options) || prov.isUnicodeKey(item, 'options')) continue;
      const options = item.options;
      const keys = Object.keys(options);
      if (options.summary !== 'CORS support' || keys.includes('consumes')) continue;
      const before = ['summary', 'consumes', 'produces', ...keys.filter((k) => k !== 'summary')];
      const extra: JsonObject = { consumes: ['application/json'], produces: ['application/json'] };
      item.options = pickVariant(options, prov, keys, before, (pre) => {
        prov.deleteKey(pre, 'produces');
        prov.deleteKey(pre, 'consumes');
      }, (_pre, key) => (key in extra ? extra[key]! : options[key]!));
    }
  }
  return root;
}

/** A copy of `obj` whose table went: insert `before` (+ maybe one deepcopy), then `edit`; ordered as `final`. */
function pickVariant(
  obj: JsonObject,
  prov: InspectableProvenance,
  final: string[],
  before: string[],
  edit: (pre: JsonObject) => void,
  valueOf: (pre: JsonObject, key: string) => Json,
  rebuildCounts: number[] = [0, 1],
): JsonObject {
  for (const rebuilds of rebuildCounts) {
    const pre: JsonObject = {};
    for (const key of before) {
      pre[key] = valueOf(pre, key);
      if (prov.isUnicodeKey(obj, key)) prov.unicodeKey(pre, key);
      if (prov.isUnicodeValue(obj, key)) prov.unicodeValue(pre, key);
      if (prov.isFloat(obj, key)) prov.floatValue(pre, key);
    }
    prov.keyOrder(pre, before);
    for (let i = 0; i < rebuilds; i++) prov.rebuilt(pre);
    edit(pre);
    if (prov.py27Order(pre).join('\0') === final.join('\0')) return pre;
  }
  return obj;
}

/**
 * Deployments whose final key order this test cannot reconstruct (the renderer is not at fault: no history of
 * inserts and deepcopies alone gives the hashed order, so SAM's history there includes deletions or a presized
 * merge that this test does not model). `it.failing` turns green-to-red if one starts passing.
 */
const KNOWN_GAPS: Record<string, string> = {
  'api_merge_definitions_with_conflicting_request_models MyApiDeploymentb422c98b28':
    "paths./test.get: MergeDefinitions merges SAM's generated method into the template one; not modelled here",
};

const cases = loadCases();

describe('Deployment hash over the SAM conformance set', () => {
  it('finds the conformance cases', () => {
    expect(cases.length).toBeGreaterThan(90);
  });

  const check = (c: DeploymentCase): void => {
    const { value: py, end } = parsePythonLiteral(c.record.hashInput);
    const prov = new InspectableProvenance();
    const body = rebuild(py, c.body, prov, '') as JsonObject;
    // expected.json gives each dict's final 2.7 order O, which SAM reached through a deepcopy (editor.swagger).
    // Inserting O afresh is one more deepcopy, R(O); a second one gives R(R(O)), which must be O again.
    prov.deepCopied(body);
    const root = replayOpenApiPostprocess(body, prov);
    replayTemplateDicts(root, prov, c.definitionBody);
    const rest = c.record.hashInput.slice(end).split('||').slice(1);
    const openApiVersion = rest[0] !== undefined && !rest[0].startsWith('{') ? rest.shift() : undefined;
    const domainText = rest[0]?.startsWith('{') ? rest.shift() : undefined;
    expect(rest).toEqual([]);
    const domain = domainText === undefined ? undefined : (JSON.parse(domainText) as Json);

    expect(renderPy27(root, prov)).toBe(c.record.hashInput.slice(0, end));
    const id = deploymentLogicalId(c.record.logicalId.slice(0, -'Deployment'.length - 10), root, prov, {
      openApiVersion,
      domain,
    });
    expect(id.hashInput).toBe(c.record.hashInput);
    expect(id.sha1).toBe(c.record.sha1);
    expect(id.logicalId).toBe(c.record.logicalId);
    expect(id.description).toBe(`RestApi deployment id: ${c.record.sha1}`);
  };

  for (const c of cases) {
    if (c.name in KNOWN_GAPS) it.failing(`${c.name} (known gap: ${KNOWN_GAPS[c.name]})`, () => check(c));
    else it(c.name, () => check(c));
  }
});
