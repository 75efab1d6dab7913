/**
 * SAM leaves Parameters, Conditions, Mappings and most Outputs as it read them, so for each of SAM's own
 * test templates those sections of expected.json are exactly what SAM's parser (PyYAML + its tag
 * constructor) made of input.yaml. Comparing ours with them checks tag expansion and scalar typing
 * against SAM on 70+ real templates.
 *
 * Outputs are skipped when they refer to something SAM generates or rewrites: a dotted Ref
 * (`MyApi.Stage`, `MyFunction.Alias`), or a name that is not a resource or parameter of the input
 * (ServerlessRestApi, MyApiProdStage, …), in Ref, GetAtt or a Sub string.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseTemplate } from '../../src/parse/index';
import type { Json, JsonObject } from '../../src/model/json';
import { isObject } from '../../src/model/json';

const CASES = path.resolve(__dirname, '../../../shared/conformance/sam');
const SECTIONS = ['Parameters', 'Conditions', 'Mappings'] as const;

function okCases(): string[] {
  if (!existsSync(CASES)) return [];
  return readdirSync(CASES)
    .filter((name) => existsSync(path.join(CASES, name, 'expected.json')))
    .sort();
}

/** Every name an intrinsic refers to: Ref targets, GetAtt resources (with attribute), Sub variables. */
function references(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) references(item, out);
  } else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') out.push(inner);
      else if (key === 'Fn::GetAtt') {
        if (Array.isArray(inner) && typeof inner[0] === 'string') out.push(inner[0]);
        else if (typeof inner === 'string') out.push(inner.split('.')[0]);
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        const vars = Array.isArray(inner) && isObject(inner[1]) ? Object.keys(inner[1]) : [];
        if (typeof text === 'string') {
          for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) if (!vars.includes(m[1])) out.push(m[1]);
        }
      }
      references(inner, out);
    }
  }
  return out;
}

function untouchedOutput(output: Json, input: JsonObject): boolean {
  const resources = isObject(input.Resources) ? input.Resources : {};
  const parameters = isObject(input.Parameters) ? input.Parameters : {};
  return references(output).every((name) => {
    if (name.startsWith('AWS::')) return true;
    const [id, attribute] = [name.split('.')[0], name.split('.').slice(1).join('.')];
    if (Object.prototype.hasOwnProperty.call(parameters, id)) return attribute === '';
    if (!Object.prototype.hasOwnProperty.call(resources, id)) return false;
    // A dotted Ref or Sub variable on a SAM resource (MyApi.Stage) is a generated property SAM rewrites.
    const resource = resources[id];
    const samType = isObject(resource) && typeof resource.Type === 'string' && resource.Type.startsWith('AWS::Serverless::');
    return !(samType && attribute !== '' && !isGetAttOnly(output, id));
  });
}

/** GetAtt keeps its form through SAM (only Ref and Sub of `Id.Property` are rewritten). */
function isGetAttOnly(output: Json, id: string): boolean {
  const text = JSON.stringify(output);
  return !text.includes(`"Ref":"${id}.`) && !text.includes(`\${${id}.`);
}

const cases = okCases();
const counts = new Map<string, number>();

afterAll(() => {
  if (process.env.UNTOUCHED_REPORT) console.log([...counts.values()].reduce((a, b) => a + b, 0), 'entries compared');
});

describe('sections SAM leaves untouched parse to what SAM parsed (../shared/conformance/sam)', () => {
  it('finds the conformance cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(CASES, name);
    const parsed = parseTemplate(readFileSync(path.join(dir, 'input.yaml')), 'input.yaml');
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.diagnostics)}`);
    expect(parsed.diagnostics).toEqual([]);
    const input = parsed.template;
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as JsonObject;
    let compared = 0;
    for (const section of SECTIONS) {
      const ours = input[section];
      if (!isObject(ours)) continue;
      const theirs = expected[section] as JsonObject;
      for (const key of Object.keys(ours)) {
        expect({ [section]: { [key]: theirs[key] } }).toEqual({ [section]: { [key]: ours[key] } });
        compared++;
      }
    }
    if (isObject(input.Outputs)) {
      const theirs = expected.Outputs as JsonObject;
      for (const [key, output] of Object.entries(input.Outputs)) {
        if (!untouchedOutput(output, input)) continue;
        expect({ Outputs: { [key]: theirs[key] } }).toEqual({ Outputs: { [key]: output } });
        compared++;
      }
    }
    // Plain CloudFormation resources pass through SAM as they were read.
    for (const [id, resource] of Object.entries(input.Resources as JsonObject)) {
      if (!isObject(resource) || typeof resource.Type !== 'string' || resource.Type.startsWith('AWS::Serverless::')) continue;
      expect({ Resources: { [id]: (expected.Resources as JsonObject)[id] } }).toEqual({ Resources: { [id]: resource } });
      compared++;
    }
    counts.set(name, compared);
  });
});
