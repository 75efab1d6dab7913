/**
 * Dict order on hand-checked collisions. With an 8-slot table (mask 7):
 *   type → 4, name → 5, x-amazon-apigateway-authorizer → 6, in → 7, x-amazon-apigateway-authtype → 7
 * (low 3 bits of their 64-bit hashes). The second of `in` / `...authtype` probes on:
 *   walker = 5 * 7 + hash + 1, slot = walker & 7 = (35 + 7 + 1) & 7 = 3 for both (their hashes end in 0b111).
 * So whichever comes second lands in slot 3 and iterates first. SAM's authorizer dict (type, name, in,
 * authtype, authorizer) iterates authtype-first; a deepcopy (re-insert in that order) puts `in` first — the
 * order SAM's hashed Bodies show.
 */
import { Py27Keys } from '../../src/emit/deployment-hash';

const AUTHORIZER_KEYS = ['type', 'name', 'in', 'x-amazon-apigateway-authtype', 'x-amazon-apigateway-authorizer'];

describe('Py27Keys', () => {
  it('iterates in slot order, the later of two colliding keys probing to slot 3', () => {
    expect(Py27Keys.of(AUTHORIZER_KEYS).keys()).toEqual([
      'x-amazon-apigateway-authtype',
      'type',
      'name',
      'x-amazon-apigateway-authorizer',
      'in',
    ]);
  });

  it('depends on insertion order only through collisions: a deepcopy swaps the colliding pair', () => {
    const once = Py27Keys.of(AUTHORIZER_KEYS).keys();
    const twice = Py27Keys.of(once).keys();
    expect(twice).toEqual(['in', 'type', 'name', 'x-amazon-apigateway-authorizer', 'x-amazon-apigateway-authtype']);
    expect(Py27Keys.of(twice).keys()).toEqual(once);
  });

  it('has deepcopy cycles longer than two (a template integration dict)', () => {
    let order = ['type', 'httpMethod', 'uri', 'credentials', 'responses'];
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      order = Py27Keys.of(order).keys();
      seen.push(order.join(','));
    }
    expect(seen[0]).toBe('httpMethod,responses,type,uri,credentials');
    expect(seen[4]).toBe(seen[0]);
    expect(new Set(seen.slice(0, 4)).size).toBe(4);
  });

  it('grows 8 → 32 on the 6th key (fill * 3 >= 16, new size above used * 4)', () => {
    const t = new Py27Keys();
    ['a', 'b', 'c', 'd', 'e'].forEach((k) => t.add(k));
    expect(t.capacity).toBe(8);
    t.add('f');
    expect(t.capacity).toBe(32);
    expect(t.size).toBe(6);
    for (let i = 0; i < 15; i++) t.add(`k${i}`);
    expect(t.capacity).toBe(32); // 21 keys: 63 < 64
    t.add('k15');
    expect(t.capacity).toBe(128); // 22 keys: 66 >= 64 → above 88
  });

  it('re-adding an existing key changes nothing', () => {
    const t = Py27Keys.of(AUTHORIZER_KEYS);
    const before = t.keys();
    t.add('in');
    t.add('type');
    expect(t.keys()).toEqual(before);
    expect(t.size).toBe(5);
  });

  it('leaves a dummy on delete: probes run past it, an insert reuses it, fill still counts it', () => {
    const t = Py27Keys.of(['in', 'x-amazon-apigateway-authtype']); // in → 7, authtype → 3
    expect(t.keys()).toEqual(['x-amazon-apigateway-authtype', 'in']);
    t.remove('in'); // slot 7 becomes a dummy
    t.remove('x-amazon-apigateway-authtype'); // found at 3 by probing past the dummy
    expect(t.keys()).toEqual([]);
    t.add('x-amazon-apigateway-authtype'); // home slot 7 is a dummy: reused
    t.add('in'); // 7 taken: probes to 3
    expect(t.keys()).toEqual(['in', 'x-amazon-apigateway-authtype']);
  });

  it('counts dummies in fill: 5 keys, delete one, add one more → resize', () => {
    const t = Py27Keys.of(['a', 'b', 'c', 'd', 'e']);
    t.remove('a');
    t.add('f'); // used 5, fill 6 → resize to above 20 → 32
    expect(t.capacity).toBe(32);
    expect(t.keys().sort()).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('presizes on merge (Py27Dict(d), update, copy): 6 keys merged go to 16 slots, added one by one to 32', () => {
    const merged = new Py27Keys();
    merged.merge(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(merged.capacity).toBe(16);
    expect(Py27Keys.of(['a', 'b', 'c', 'd', 'e', 'f']).capacity).toBe(32);
  });

  it('keeps every key it was given, once', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `/path/${i}`);
    const t = Py27Keys.of([...keys, ...keys.slice(0, 100)]);
    expect(t.size).toBe(3000);
    expect([...t.keys()].sort()).toEqual([...keys].sort());
  });
});
