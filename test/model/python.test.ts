import { copyGiven, copyTruthy, pythonEquals, pythonIterate, pythonRepr, pythonStr, pythonTruthy } from '../../src/model/python';
import type { Json } from '../../src/model/json';

describe('pythonTruthy', () => {
  it.each<[unknown, boolean]>([
    [undefined, false], [null, false], [false, false], [0, false], ['', false], [[], false], [{}, false],
    [true, true], [1, true], [-1, true], ['x', true], ['0', true], [[0], true], [{ a: null }, true],
  ])('%j → %s', (value, truthy) => expect(pythonTruthy(value)).toBe(truthy));
});

describe('pythonEquals', () => {
  it.each<[Json | undefined, Json | undefined, boolean]>([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [true, 1, true],
    [false, 0, true],
    ['1', 1, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [null, null, true],
    [undefined, null, false],
    [[{ x: true }], [{ x: 1 }], true],
  ])('%j == %j → %s', (a, b, equal) => expect(pythonEquals(a, b)).toBe(equal));
});

describe('pythonIterate', () => {
  it.each<[Json, Json[] | undefined]>([
    [[1, 'a'], [1, 'a']],
    [{ k: 1, j: 2 }, ['k', 'j']],
    ['ab', ['a', 'b']],
    [3, undefined],
    [null, undefined],
  ])('%j → %j', (value, items) => expect(pythonIterate(value)).toEqual(items));
});

describe('pythonStr', () => {
  it.each<[Json, string]>([
    ['abc', 'abc'],
    [true, 'True'],
    [false, 'False'],
    [null, 'None'],
    [2.5, '2.5'],
  ])('%j → %s', (value, str) => expect(pythonStr(value)).toBe(str));
});

describe('pythonRepr', () => {
  it.each<[Json, string]>([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    [`it's "x"`, `'it\\'s "x"'`],
    [true, 'True'],
    [null, 'None'],
    [7, '7'],
    [['NotString'], "['NotString']"],
    [{ a: [true, null] }, "{'a': [True, None]}"],
  ])('%j → %s', (value, repr) => expect(pythonRepr(value)).toBe(repr));
});

describe('copyTruthy and copyGiven', () => {
  const src = { a: 0, b: '', c: null, d: [], e: {}, f: 'x', g: false, h: [1] };
  const keys = ['h', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'missing'];
  it('copyTruthy copies the keys with a truthy value, in the order given', () => {
    expect(Object.entries(copyTruthy(src, { z: 1 }, keys))).toEqual([['z', 1], ['h', [1]], ['f', 'x']]);
  });
  it('copyGiven copies every key that is neither absent nor null, in the order given', () => {
    expect(Object.keys(copyGiven(src, {}, keys))).toEqual(['h', 'a', 'b', 'd', 'e', 'f', 'g']);
  });
});
