import { Provenance, renderJsonPy27, renderPy27 } from '../../src/emit/deployment-hash';
import { jsonString, pyFloatRepr, strRepr, unicodeRepr } from '../../src/emit/deployment-hash/py27-repr';
import type { JsonObject } from '../../src/model/json';

describe('strRepr (Python 3 repr of a native str)', () => {
  it.each([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`it's "x"`, `'it\\'s "x"'`],
    ['a\nb\tc\rd', "'a\\nb\\tc\\rd'"],
    ['a\\b', "'a\\\\b'"],
    ['\x01\x7f', "'\\x01\\x7f'"],
    ['café', "'café'"], // printable non-ASCII stays
    ['\u00a0', "'\\xa0'"], // not printable (Zs)
    ['\u2028', "'\\u2028'"],
    ['😀', "'😀'"],
  ])('%j → %s', (s, expected) => expect(strRepr(s)).toBe(expected));
});

describe('unicodeRepr (Py27UniStr)', () => {
  it.each([
    ['abc', "u'abc'"],
    ["it's", `u"it's"`],
    [`it's "x"`, `u'it\\'s "x"'`],
    ['a\nb', "u'a\\nb'"],
    ['a\\b', "u'a\\\\b'"],
    ['café', "u'caf\\xe9'"],
    ['€', "u'\\u20ac'"],
    ['😀', "u'\\U0001f600'"],
    ['\x7f', "u'\\x7f'"],
    // As in the conformance Bodies: a CORS header value.
    ["'*'", `u"'*'"`],
  ])('%j → %s', (s, expected) => expect(unicodeRepr(s)).toBe(expected));
});

describe('pyFloatRepr', () => {
  it.each([
    [2, '2.0'],
    [0.1, '0.1'],
    [1234.5, '1234.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [123456789012345.6, '123456789012345.6'],
    [-2.5, '-2.5'],
    [0, '0.0'],
  ])('%s → %s', (n, expected) => expect(pyFloatRepr(n)).toBe(expected));
});

describe('jsonString (json.dumps, ensure_ascii)', () => {
  it.each([
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['é', '"\\u00e9"'],
    ['😀', '"\\ud83d\\ude00"'],
    ['\n\x01', '"\\n\\u0001"'],
  ])('%j → %s', (s, expected) => expect(jsonString(s)).toBe(expected));
});

describe('renderPy27', () => {
  it('prints dicts, lists, scalars and marks', () => {
    const prov = new Provenance();
    const body: JsonObject = { swagger: '2.0', paths: {}, n: 3, t: true, f: false, z: null, l: ['x', 1.5] };
    prov.unicodeValue(body, 'swagger');
    prov.unicodeKey(body, 'paths');
    prov.unicodeValue(body.l as string[], 0);
    prov.floatValue(body, 'n');
    const text = renderPy27(body, prov);
    for (const part of ["'swagger': u'2.0'", "u'paths': {}", "'n': 3.0", "'t': True", "'f': False", "'z': None", "'l': [u'x', 1.5]"]) {
      expect(text).toContain(part);
    }
    expect(text.startsWith('{') && text.endsWith('}')).toBe(true);
  });

  it('prints a Py27Dict in 2.7 order and a plain dict in insertion order', () => {
    const prov = new Provenance();
    const py27: JsonObject = { type: 1, name: 2, in: 3, 'x-amazon-apigateway-authtype': 4 };
    const plain: JsonObject = { type: 1, name: 2, in: 3, 'x-amazon-apigateway-authtype': 4 };
    prov.plainDict(plain);
    expect(renderPy27(py27, prov)).toBe("{'x-amazon-apigateway-authtype': 4, 'type': 1, 'name': 2, 'in': 3}");
    expect(renderPy27(plain, prov)).toBe("{'type': 1, 'name': 2, 'in': 3, 'x-amazon-apigateway-authtype': 4}");
  });
});

describe('renderJsonPy27', () => {
  it('writes json.dumps with 2.7 key order and default separators', () => {
    const prov = new Provenance();
    const domain: JsonObject = { type: 'a', name: ['é', 1, 2.5, true, null], in: { Ref: 'X' }, 'x-amazon-apigateway-authtype': 4 };
    prov.floatValue(domain, 'x-amazon-apigateway-authtype');
    expect(renderJsonPy27(domain, prov)).toBe(
      '{"x-amazon-apigateway-authtype": 4.0, "type": "a", "name": ["\\u00e9", 1, 2.5, true, null], "in": {"Ref": "X"}}',
    );
  });
});
