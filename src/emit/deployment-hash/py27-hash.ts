/** CPython 2.7's 64-bit string hash (no hash randomization). Implemented below. */
export function py27StringHash(s: string): bigint {
  throw new Error(`py27StringHash not implemented yet (${s.length})`);
}
