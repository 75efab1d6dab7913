/**
 * The key table of a CPython 2.7 dict (Objects/dictobject.c), simulated the way SAM's Py27Keys does it, so
 * that iterating gives the order Python 2.7 would: slots in index order.
 *
 * - A key goes to slot `hash & mask`; on a collision the probe continues with
 *   `walker = 5 * walker + perturb + 1; slot = walker & mask; perturb >>= 5` (walker starts at the first slot,
 *   perturb at the full 64-bit hash). A deleted key leaves a dummy: probes run past it, an insert reuses the
 *   first dummy met on the way if the key is not further along.
 * - After an insert that adds a key, when `fill * 3 >= (mask + 1) * 2` (fill counts dummies too) the table is
 *   rebuilt with the smallest power of two above `used * 4` (`used * 2` past 50,000 keys), re-adding the live
 *   keys in slot order; dummies vanish.
 * - `merge` (PyDict_Merge: `Py27Dict(d)`, `.update(d)`, `.copy()`) first grows the table to fit
 *   `(used + incoming) * 2` when `(fill + incoming) * 3 >= (mask + 1) * 2`, then adds the keys one by one.
 * Like SAM's simulator (and unlike CPython), a hash of all ones is not turned into -2.
 */
import { py27StringHash64, type U64 } from './py27-hash';

const MINSIZE = 8;
const LARGE_DICT = 50000;
const DUMMY: unique symbol = Symbol('dummy');
type Slot = string | typeof DUMMY | undefined;

export class Py27Keys {
  private slots: Slot[] = new Array<Slot>(MINSIZE);
  /** The hash of the key each slot holds or held, so that a resize looks none up. */
  private slotHashes: (U64 | undefined)[] = new Array<U64 | undefined>(MINSIZE);
  private mask = MINSIZE - 1;
  /** Live keys (ma_used). */
  private used = 0;
  /** Live keys plus dummies (ma_fill). */
  private fill = 0;
  private readonly hashes: Map<string, U64>;

  /** `hashes` may be shared between tables to hash each distinct key once. */
  constructor(hashes: Map<string, U64> = new Map()) {
    this.hashes = hashes;
  }

  /** A table built by adding `keys` in order. */
  static of(keys: Iterable<string>, hashes?: Map<string, U64>): Py27Keys {
    const table = new Py27Keys(hashes);
    for (const key of keys) table.add(key);
    return table;
  }

  get size(): number {
    return this.used;
  }

  /** The table's capacity (mask + 1), for tests. */
  get capacity(): number {
    return this.mask + 1;
  }

  add(key: string): void {
    const before = this.used;
    const hash = this.hashOf(key);
    const i = this.slotFor(key, hash);
    const current = this.slots[i];
    if (current === undefined) {
      this.used++;
      this.fill++;
    } else if (current === DUMMY) {
      this.used++;
    }
    if (this.used > before) {
      this.slots[i] = key;
      this.slotHashes[i] = hash;
    }
    if (this.used > before && this.fill * 3 >= (this.mask + 1) * 2) {
      this.resize(this.used * (this.used > LARGE_DICT ? 2 : 4));
    }
  }

  remove(key: string): void {
    const i = this.slotFor(key, this.hashOf(key));
    const current = this.slots[i];
    if (current !== undefined && current !== DUMMY) {
      this.slots[i] = DUMMY;
      this.used--;
    }
  }

  merge(keys: readonly string[]): void {
    if (keys.length === 0) return;
    if ((this.fill + keys.length) * 3 >= (this.mask + 1) * 2) this.resize((this.used + keys.length) * 2);
    for (const key of keys) this.add(key);
  }

  /** Merge presize alone, for a log that records the keys' inserts separately. */
  presize(incoming: number): void {
    if (incoming > 0 && (this.fill + incoming) * 3 >= (this.mask + 1) * 2) {
      this.resize((this.used + incoming) * 2);
    }
  }

  /** Live keys in iteration order. */
  keys(): string[] {
    const out: string[] = [];
    for (const slot of this.slots) if (slot !== undefined && slot !== DUMMY) out.push(slot);
    return out;
  }

  private hashOf(key: string): U64 {
    let h = this.hashes.get(key);
    if (!h) {
      h = py27StringHash64(key);
      this.hashes.set(key, h);
    }
    return h;
  }

  /** lookdict: the slot holding `key`, else the first dummy on its probe path, else the empty slot ending it. */
  private slotFor(key: string, hash: U64): number {
    const { hi, lo } = hash;
    const mask = this.mask;
    let i = lo & mask;
    let slot = this.slots[i];
    if (slot === undefined || slot === key) return i;
    let freeslot = slot === DUMMY ? i : -1;
    // Only the walker's low bits reach the mask, so it is kept mod 2**32; perturb needs all 64 bits.
    let walker = i;
    let pHi = hi;
    let pLo = lo;
    for (;;) {
      walker = (walker * 5 + pLo + 1) % 0x1_0000_0000;
      i = walker & mask;
      slot = this.slots[i];
      if (slot === undefined) return freeslot === -1 ? i : freeslot;
      if (slot === key) return i;
      if (freeslot === -1 && slot === DUMMY) freeslot = i;
      pLo = ((pLo >>> 5) | ((pHi & 31) << 27)) >>> 0;
      pHi = pHi >>> 5;
    }
  }

  /**
   * Re-adds the live keys in slot order to an empty table of the smallest power of two above `request`. The new
   * table has no dummies and the keys are distinct, so each goes to the first empty slot on its probe path; none
   * of these adds can trigger another resize (the table is over twice the live count).
   */
  private resize(request: number): void {
    let newsize = MINSIZE;
    while (newsize <= request) newsize *= 2;
    const oldSlots = this.slots;
    const oldHashes = this.slotHashes;
    const slots = new Array<Slot>(newsize);
    const slotHashes = new Array<U64 | undefined>(newsize);
    const mask = newsize - 1;
    let used = 0;
    for (let j = 0; j < oldSlots.length; j++) {
      const key = oldSlots[j];
      if (key === undefined || key === DUMMY) continue;
      const hash = oldHashes[j] as U64;
      const { hi, lo } = hash;
      let i = lo & mask;
      // The probe of `slotFor`, stopping at the first empty slot.
      let walker = i;
      let pHi = hi;
      let pLo = lo;
      while (slots[i] !== undefined) {
        walker = (walker * 5 + pLo + 1) % 0x1_0000_0000;
        i = walker & mask;
        pLo = ((pLo >>> 5) | ((pHi & 31) << 27)) >>> 0;
        pHi = pHi >>> 5;
      }
      slots[i] = key;
      slotHashes[i] = hash;
      used++;
    }
    this.slots = slots;
    this.slotHashes = slotHashes;
    this.mask = mask;
    this.used = used;
    this.fill = used;
  }
}
