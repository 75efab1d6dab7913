/**
 * CPython 2.7's string hash on a 64-bit build without hash randomization (Objects/stringobject.c
 * `string_hash`), as SAM's third_party/py27hash computes it over a str's code points:
 *
 *   if len == 0: h = 0
 *   else: x = ord(s[0]) << 7; for c in s: x = (1000003 * x) ^ ord(c); x ^= len
 *   h = x mod 2**64 (SAM reads it back as an unsigned size_t; it does not map -1 to -2)
 *
 * Multiplying and xoring commute with reduction mod 2**64, so the hash is kept in two 32-bit halves: the
 * products stay below 2**53 and need no BigInt.
 */

/** A 64-bit unsigned value as two 32-bit halves. */
export interface U64 {
  hi: number;
  lo: number;
}

const MULTIPLIER = 1000003;
const TWO_32 = 0x1_0000_0000;

/** The hash as two unsigned 32-bit halves (the fast form the dict simulator uses). */
export function py27StringHash64(s: string): U64 {
  let length = 0;
  let hi = 0;
  let lo = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (length === 0) {
      // x = ord(s[0]) << 7; code points are < 2**21, so this stays inside the low half.
      lo = c * 128;
      hi = Math.floor(lo / TWO_32);
      lo = lo % TWO_32;
    }
    const loProduct = lo * MULTIPLIER;
    const carry = Math.floor(loProduct / TWO_32);
    lo = ((loProduct % TWO_32) ^ c) >>> 0;
    hi = ((hi * MULTIPLIER + carry) % TWO_32) >>> 0;
    length++;
  }
  if (length === 0) return { hi: 0, lo: 0 };
  // len(s) < 2**32 for any string JS can hold.
  lo = (lo ^ length) >>> 0;
  return { hi, lo };
}

/** The hash as an unsigned 64-bit BigInt (for tests and documentation). */
export function py27StringHash(s: string): bigint {
  const { hi, lo } = py27StringHash64(s);
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** The hash as CPython 2.7's `hash()` returns it: a signed C long. */
export function py27SignedHash(s: string): bigint {
  return BigInt.asIntN(64, py27StringHash(s));
}
