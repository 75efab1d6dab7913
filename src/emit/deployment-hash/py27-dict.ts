/** A simulation of a CPython 2.7 dict's key table, as SAM's Py27Keys does it. Implemented below. */
export class Py27Keys {
  add(key: string): void {
    throw new Error(`not implemented yet (${key})`);
  }
  remove(key: string): void {
    throw new Error(`not implemented yet (${key})`);
  }
  keys(): string[] {
    return [];
  }
}
