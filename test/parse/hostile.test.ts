import { parseTemplate } from '../../src/parse/index';

/** Nine levels of nine aliases: 9^9 (387 million) strings if expanded. */
const aliasBomb =
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  'bcdefghi'
    .split('')
    .map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`)
    .join('\n') +
  '\nResources: {}\n';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

/** Hostile input → one located error: [case, input, code, message (a part of it), line, column]. */
const HOSTILE: [string, string | Uint8Array, string, string | RegExp, number, number][] = [
  ['empty file', '', 'parse/empty', 'the file is empty', 1, 1],
  ['only whitespace', '  \n\n', 'parse/empty', 'the file is empty', 1, 1],
  ['only comments', '# a template\n# to come\n', 'parse/empty', 'holds only comments', 1, 1],
  ['an empty document', '---\n', 'parse/empty', 'holds an empty document', 1, 1],
  ['binary bytes (an ELF header)', bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), 'parse/encoding', 'NUL byte: it looks binary', 1, 7],
  ['a NUL character in text', 'Resources:\n  A: \u0000\n', 'parse/encoding', 'NUL character', 2, 6],
  ['Latin-1, not UTF-8', bytes('Resources:\n  A: caf', [0xe9, 0x0a]), 'parse/encoding', 'not valid UTF-8 (byte 0xe9 at offset 19)', 2, 9],
  ['an overlong UTF-8 sequence', bytes('a: ', [0xc0, 0xaf]), 'parse/encoding', 'byte 0xc0', 1, 4],
  ['UTF-8 encoded surrogate', bytes('a: ', [0xed, 0xa0, 0x80]), 'parse/encoding', 'byte 0xed', 1, 4],
  ['UTF-16', bytes([0xff, 0xfe, 0x52, 0x00]), 'parse/encoding', 'UTF-16', 1, 1],
  ['unclosed flow sequence', 'Resources:\n  MyApi: [unclosed\n  Other: 1\n', 'parse/syntax', 'deficient indentation', 3, 3],
  ['bad indentation', 'Resources:\n  A:\n    Type: x\n   B: y\n', 'parse/syntax', 'bad indentation of a mapping entry', 4, 4],
  ['tab indentation', 'Resources:\n\tA: 1\n', 'parse/syntax', 'tab characters must not be used in indentation', 2, 1],
  ['two documents', 'Resources:\n  A: {Type: T}\n---\nResources:\n  B: {Type: T}\n', 'parse/syntax', 'holds 2 YAML documents', 3, 1],
  ['a trailing empty document', 'Resources:\n  A: {Type: T}\n---\n', 'parse/syntax', 'holds 2 YAML documents', 3, 1],
  ['duplicate key', 'Resources:\n  MyApi:\n    Type: AWS::Serverless::Api\n    Type: AWS::Serverless::Function\n', 'parse/duplicate-key', 'the key "Type" appears twice', 4, 5],
  ['duplicate section', 'Resources:\n  A: {Type: T}\nResources:\n  B: {Type: T}\n', 'parse/duplicate-key', 'the key "Resources" appears twice', 3, 1],
  ['duplicate key in JSON', '{"Resources": {"A": {"Type": "x", "Type": "y"}}}', 'parse/duplicate-key', 'the key "Type" appears twice', 1, 35],
  ['duplicate key after typing (200 and "200")', 'Resources:\n  A:\n    200: a\n    "200": b\n', 'parse/duplicate-key', 'the key "200" appears twice', 4, 5],
  ['alias bomb', aliasBomb, 'parse/alias-limit', 'aliases expand to more than 100000 nodes', 6, 8],
  ['undefined alias', 'Resources:\n  A: *nope\n', 'parse/alias', 'refers to no anchor &nope', 2, 6],
  ['recursive alias', 'Resources:\n  A: &a [*a]\n', 'parse/alias', 'inside the node it refers to', 2, 10],
  ['nesting too deep (YAML)', 'Resources:\n  A: ' + '['.repeat(150) + ']'.repeat(150) + '\n', 'parse/too-deep', 'nested more than 100 deep', 2, 104],
  ['nesting too deep (JSON)', '{"Resources": ' + '{"a":'.repeat(150) + '1' + '}'.repeat(150) + '}', 'parse/too-deep', 'nested more than 100 deep', 1, 501],
  ['nesting too deep through aliases', 'x: &x ' + '['.repeat(60) + ']'.repeat(60) + '\nResources:\n  A: ' + '['.repeat(60) + '*x' + ']'.repeat(60) + '\n', 'parse/too-deep', 'nested more than 100 deep', 3, 66],
  ['over 10 MB', 'Resources:\n  A: {Type: T}\n# ' + 'x'.repeat(10 * 1024 * 1024) + '\n', 'parse/too-large', /the file is 10485789 bytes; templates over 10485760 bytes/, 1, 1],
  ['over 10 MB as bytes', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20), 'parse/too-large', 'the file is 10485761 bytes', 1, 1],
  ['a list at the root', '- Resources\n', 'template/not-a-mapping', 'the template is a list', 1, 1],
  ['a string at the root', 'just a string\n', 'template/not-a-mapping', 'the template is a string', 1, 1],
  ['no Resources', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'template/no-resources', 'has no Resources section', 1, 1],
  ['Resources empty', 'Description: x\nResources: {}\n', 'template/no-resources', 'the Resources section is empty', 2, 1],
  ['Resources null', 'Description: x\nResources:\n', 'template/no-resources', 'the Resources section is empty', 2, 1],
  ['Resources a list', 'Description: x\nResources:\n  - MyApi\n', 'template/resources-not-a-mapping', 'Resources is a list', 2, 1],
  ['Resources a string', 'Resources: none\n', 'template/resources-not-a-mapping', 'Resources is a string', 1, 1],
  ['a list as a key', 'Resources:\n  ? [a, b]\n  : 1\n', 'parse/complex-key', 'a mapping key is a list or a mapping', 2, 5],
  ['a tagged key', 'Resources:\n  !Ref a: 1\n', 'parse/complex-key', 'has the tag !Ref', 2, 3],
  ['.inf', 'Resources:\n  A: {Type: T}\nParameters:\n  P: {Default: .inf}\n', 'parse/unsupported-value', '".inf" is infinity', 4, 16],
  ['!!binary', 'Resources:\n  A: !!binary aGVsbG8=\n', 'parse/unsupported-value', '!!binary values have no JSON form', 2, 6],
  ['!!set', 'Resources:\n  A: !!set {a, b}\n', 'parse/unsupported-value', '!!set values have no JSON form', 2, 6],
  ['a named tag handle', '%TAG !e! tag:example.com,2000:\n---\nResources:\n  A: !e!foo x\n', 'parse/unsupported-value', 'the tag !e!foo', 4, 6],
  ['!!int on text', 'Resources:\n  A: !!int abc\n', 'parse/unsupported-value', '"abc" is not an integer', 2, 6],
];

describe('hostile input is refused with one located error, never an exception', () => {
  it.each(HOSTILE)('%s', (_name, input, code, message, line, column) => {
    const result = parseTemplate(input, 'template.yaml');
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe(code);
    if (typeof message === 'string') expect(errors[0].message).toContain(message);
    else expect(errors[0].message).toMatch(message);
    expect(errors[0].location).toEqual({ file: 'template.yaml', line, column });
  });

  it('reports every duplicate key, not only the first', () => {
    const result = parseTemplate('Resources:\n  A: {Type: T, Type: U}\n  A: {}\nOutputs:\n  O: 1\n  O: 2\n');
    expect(result.diagnostics.map((d) => [d.code, d.path, d.location?.line])).toEqual([
      ['parse/duplicate-key', '/Resources/A/Type', 2],
      ['parse/duplicate-key', '/Resources/A', 3],
      ['parse/duplicate-key', '/Outputs/O', 6],
    ]);
  });

  it('keeps __proto__ and constructor as plain data, touching no prototype', () => {
    const result = parseTemplate(
      'Resources:\n  __proto__: {polluted: yes}\n  constructor: {Type: T, prototype: {polluted: yes}}\n  A: {__proto__: [1]}\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const resources = result.template.Resources as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(resources)).toBe(Object.prototype);
    expect(Object.keys(resources)).toEqual(['__proto__', 'constructor', 'A']);
    expect(Object.getOwnPropertyDescriptor(resources, '__proto__')?.value).toEqual({ polluted: true });
    expect(JSON.parse(JSON.stringify(result.template))).toEqual(
      JSON.parse('{"Resources":{"__proto__":{"polluted":true},"constructor":{"Type":"T","prototype":{"polluted":true}},"A":{"__proto__":[1]}}}'),
    );
    expect(Array.isArray(Object.getOwnPropertyDescriptor(resources.A, '__proto__')?.value)).toBe(true);
  });
});
