/**
 * CPython 2.7 (64-bit, no -R) string hashes. Reference values computed by hand from the algorithm
 * (x = ord(s[0]) << 7; x = (1000003 * x) ^ ord(c) for each c; x ^= len(s); mod 2**64), cross-checked with an
 * independent BigInt implementation below. hash('a') == 12416037344 and hash('abc') == 1453079729188098211 are
 * the values a 64-bit Python 2.7 prints.
 */
import fc from 'fast-check';
import { py27StringHash } from '../../src/emit/deployment-hash';
import { py27SignedHash } from '../../src/emit/deployment-hash/py27-hash';

function referenceHash(s: string): bigint {
  const cps = [...s].map((c) => BigInt(c.codePointAt(0) as number));
  if (cps.length === 0) return 0n;
  let x = (cps[0] as bigint) << 7n;
  for (const c of cps) x = ((1000003n * x) ^ c) & 0xffff_ffff_ffff_ffffn;
  return x ^ BigInt(cps.length);
}

describe('py27StringHash', () => {
  it.each([
    ['', 0n],
    ['a', 12416037344n],
    ['abc', 1453079729188098211n],
    // 'a' step by step: 97 << 7 = 12416; 12416 * 1000003 = 12416037248 (low 7 bits 0), ^ 97 = 12416037345, ^ 1.
  ])('hash(%j) = %s', (s, expected) => {
    expect(py27StringHash(s)).toBe(expected);
  });

  it('is signed like a C long when Python prints it', () => {
    // 'name' hashes above 2**63, so Python 2.7 prints it negative.
    expect(py27StringHash('name')).toBe(14280165586563852901n);
    expect(py27SignedHash('name')).toBe(14280165586563852901n - 2n ** 64n);
  });

  it('hashes code points, not UTF-16 units (SAM hashes Python 3 str)', () => {
    expect(py27StringHash('\u{1F600}')).toBe(referenceHash('\u{1F600}'));
    // The same string seen as two UTF-16 units would hash differently.
    const units = (0xd83dn << 7n) * 1000003n;
    const overUnits = ((((units ^ 0xd83dn) * 1000003n) ^ 0xde00n) & 0xffff_ffff_ffff_ffffn) ^ 2n;
    expect(py27StringHash('\u{1F600}')).not.toBe(overUnits);
  });

  it('matches the BigInt reference on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => py27StringHash(s) === referenceHash(s)));
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => py27StringHash(s) === referenceHash(s)));
  });
});
