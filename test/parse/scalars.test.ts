import { parseTemplate } from '../../src/parse/index';
import type { Json } from '../../src/model/json';

function yamlValue(text: string): Json {
  const result = parseTemplate(`Resources:\n  R: {Type: T}\nV: ${text}\n`);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.template.V;
}

function jsonValue(text: string): Json {
  const result = parseTemplate(`{"Resources": {"R": {"Type": "T"}}, "V": ${text}}`);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.template.V;
}

describe('plain YAML scalars are typed as PyYAML (SAM) and CloudFormation type them: YAML 1.1', () => {
  it.each<[string, Json]>([
    ['yes', true], ['Yes', true], ['YES', true], ['on', true], ['On', true], ['true', true], ['True', true],
    ['no', false], ['No', false], ['off', false], ['OFF', false], ['false', false], ['FALSE', false],
    ['y', 'y'], ['n', 'n'], ['yEs', 'yEs'],
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null], ['nULL', 'nULL'],
    ['0', 0], ['42', 42], ['-17', -17], ['+5', 5], ['1_000', 1000], ['010', 8], ['0x1F', 31], ['0b101', 5],
    ['1:30', 90], ['-1:00:00', -3600], ['0o17', '0o17'], ['08', '08'],
    ['1.5', 1.5], ['-0.5', -0.5], ['1.', 1], ['.5', 0.5], ['1.5e+3', 1500], ['1.0E-2', 0.01], ['1:30.5', 90.5],
    ['1e5', '1e5'], ['1.5e3', '1.5e3'],
    ['2012-10-17', '2012-10-17'], ['2010-09-09T12:00:00Z', '2010-09-09T12:00:00Z'], ['=', '='],
    ['"yes"', 'yes'], ["'010'", '010'], ['"1e5"', '1e5'], ['|\n  text\n', 'text\n'], ['>-\n  a\n  b\n', 'a b'],
    ['arn:aws:s3:::b', 'arn:aws:s3:::b'], ['123456789012', 123456789012],
  ])('%s', (text, expected) => {
    expect(yamlValue(text)).toEqual(expected);
  });
});

describe('a JSON template types its values the JSON way', () => {
  it.each<[string, Json]>([
    ['1e5', 100000], ['1.5E-3', 0.0015], ['-0.5', -0.5], ['10', 10], ['true', true], ['null', null], ['"yes"', 'yes'], ['"010"', '010'],
  ])('%s', (text, expected) => {
    expect(jsonValue(text)).toEqual(expected);
  });
});

describe('mapping keys', () => {
  it('are strings as json.dumps writes PyYAML keys: 200 → "200", yes → "true", ~ → "null"', () => {
    const result = parseTemplate('Resources:\n  R: {Type: T}\nK:\n  200: a\n  yes: b\n  ~: c\n  "on": d\n');
    expect(result.ok && result.template.K).toEqual({ '200': 'a', true: 'b', null: 'c', on: 'd' });
  });

  it('merge keys (<<) merge as in PyYAML: own keys win, then earlier sources', () => {
    const result = parseTemplate(
      'Resources:\n  R: {Type: T}\nBase: &base {a: 1, b: 1}\nOther: &other {b: 2, c: 2}\nK:\n  <<: [*base, *other]\n  a: 0\nQ:\n  "<<": literal\n',
    );
    expect(result.ok && result.template.K).toEqual({ a: 0, b: 1, c: 2 });
    expect(result.ok && result.template.Q).toEqual({ '<<': 'literal' });
  });

  it('aliases are copies, not shared objects', () => {
    const result = parseTemplate('Resources:\n  A: &a {Type: T, P: {x: 1}}\n  B: *a\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.template.Resources as Record<string, { P: unknown }>;
    expect(r.B).toEqual(r.A);
    expect(r.B.P).not.toBe(r.A.P);
  });
});
