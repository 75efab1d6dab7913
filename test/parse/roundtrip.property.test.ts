import fc from 'fast-check';
import { serialize } from '../../src/emit/serialize';
import { parseTemplate } from '../../src/parse/index';
import type { Json, JsonObject } from '../../src/model/json';

/** Strings that trip YAML: type look-alikes, indicators, whitespace, unicode, intrinsic names. */
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    'yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', 'Null', 'true', 'False', '', ' ', ' lead', 'trail ', 'a\nb', 'a\n', '\t',
    '010', '0x1F', '0o17', '0b101', '1:30', '1_000', '+1', '-0', '1e5', '1.0e+5', '.5', '1.', '.inf', '-.Inf', '.NaN',
    '2012-10-17', '2001-12-14t21:59:43.10-05:00', '=', '<<', '- x', '? x', ': x', '# c', 'a #c', '!Ref x', '*a', '&a',
    '%TAG', '@x', '`x', '"q"', "'q'", '{a: 1}', '[1]', '---', '...', '|', '>', 'Ref', 'Fn::GetAtt', 'Fn::Sub', '__proto__',
    'constructor', '\u0085', '\u2028', '\ufeff', 'é', '😀', '${AWS::Region}',
  ),
);

const key = fc.oneof(trickyString, fc.constantFrom('Resources', 'Type', 'Properties', '200', '0', '1.5', 'Ref'));

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    trickyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A template: a mapping with a non-empty Resources mapping, plus random sections. */
const template: fc.Arbitrary<JsonObject> = fc
  .tuple(fc.dictionary(key, json, { maxKeys: 4 }), fc.dictionary(key, json, { minKeys: 1, maxKeys: 4 }))
  .map(([rest, resources]) => {
    const t: JsonObject = {};
    for (const [k, v] of Object.entries(rest)) Object.defineProperty(t, k, { value: v, enumerable: true, writable: true, configurable: true });
    t.Resources = resources;
    return t;
  });

describe('serialize → parseTemplate gives back the same template', () => {
  it.each(['json', 'yaml'] as const)('%s', (format) => {
    fc.assert(
      fc.property(template, (t) => {
        const text = serialize(t, format);
        const parsed = parseTemplate(text);
        if (!parsed.ok) throw new Error(`${JSON.stringify(parsed.diagnostics)}\n${text}`);
        expect(parsed.template).toEqual(t);
        expect(Object.keys(parsed.template)).toEqual(Object.keys(t));
        // Deterministic: the same template, the same bytes.
        expect(serialize(parsed.template, format)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('writes JSON with a 2-space indent and a final newline', () => {
    expect(serialize({ Resources: { A: { Type: 'T', List: [1, true, null] } } })).toBe(
      '{\n  "Resources": {\n    "A": {\n      "Type": "T",\n      "List": [\n        1,\n        true,\n        null\n      ]\n    }\n  }\n}\n',
    );
  });

  it('writes YAML in block style, intrinsics in long form, type look-alikes quoted', () => {
    const t: JsonObject = { Resources: { A: { Type: 'T', Properties: { Arn: { 'Fn::GetAtt': ['B', 'Arn'] }, On: 'yes', Date: '2012-10-17', Merge: '<<' } } } };
    expect(serialize(t, 'yaml')).toBe(
      "Resources:\n  A:\n    Type: T\n    Properties:\n      Arn:\n        Fn::GetAtt:\n          - B\n          - Arn\n      'On': 'yes'\n      Date: '2012-10-17'\n      Merge: '<<'\n",
    );
  });

  it('writes a shared object out in full, not as a YAML alias', () => {
    const shared = { Ref: 'X' };
    expect(serialize({ Resources: { A: shared, B: shared } }, 'yaml')).toBe('Resources:\n  A:\n    Ref: X\n  B:\n    Ref: X\n');
  });
});

describe('parseTemplate never throws', () => {
  const yamlish = fc
    .array(fc.constantFrom('Resources:', '\n', '  ', '- ', 'a: ', '!Ref ', '!GetAtt a.b', '&x ', '*x', '<<: ', '[', ']', '{', '}', ',', '"', "'", '|', '>', '#', '---', '? ', 'yes', '1:2', '!!str', '%TAG ! x', '\t', '__proto__: '), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('on random text, YAML-shaped text and random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish, fc.uint8Array({ maxLength: 200 })), (input) => {
        const result = parseTemplate(input, 'x.yaml');
        if (!result.ok) {
          expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          for (const d of result.diagnostics) expect(d.location).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
