/**
 * The straightforward Provenance, kept as the reference the optimized one (src/emit/deployment-hash/provenance.ts)
 * is tested against: every `deepCopied` walks the whole tree and logs one `rebuild` per dict, and `py27Order`
 * replays every logged step on a simulated table. Quadratic on large bodies, obviously right. Test-only.
 */
import type { Json, JsonObject, JsonPath } from '../../src/model/json';
import { Py27Keys } from '../../src/emit/deployment-hash/py27-dict';
import type { U64 } from '../../src/emit/deployment-hash/py27-hash';

/** An object or array inside the Body. */
export type Container = JsonObject | Json[];

/** One step in the life of a Py27Dict's key table. */
export type KeyOp =
  | { op: 'insert'; key: string }
  | { op: 'delete'; key: string }
  /** `PyDict_Merge`'s presize for `count` incoming keys. */
  | { op: 'merge'; count: number }
  /** `copy.deepcopy`: a fresh table gets the keys one by one in the current 2.7 order. */
  | { op: 'rebuild' }
  /** `Py27Dict.copy()`: a fresh table gets the current keys through `merge` (presized). */
  | { op: 'copy' };

export interface FromTemplateOptions {
  /** True when the scalar at `path` (relative to the marked node) was written as a float (`2.0`). */
  isFloat?(path: JsonPath): boolean;
  /** The source order of the mapping at `path` when it differs from its JS key order. */
  keyOrder?(path: JsonPath): readonly string[] | undefined;
}

interface ObjectInfo {
  kind: 'py27' | 'plain';
  /** Py27Dict history; keys present in the object but missing from the log are appended on sync. */
  log: KeyOp[];
  /** Keys alive in `log` (inserted, not deleted since). */
  live: Set<string>;
  unicodeKeys: Set<string>;
  /** key → the unicode string it held when marked. */
  unicodeValues: Map<string, string>;
  floats: Set<string>;
  /** Explicit insertion order for keys that JS orders differently. */
  order?: readonly string[];
}

interface ArrayInfo {
  unicodeValues: Map<number, string>;
  floats: Set<number>;
}

/** An info for a new object that continues `info`'s table and marks (its own copies of each). */
function copyInfo(info: ObjectInfo): ObjectInfo {
  return {
    kind: info.kind,
    log: [...info.log],
    live: new Set(info.live),
    unicodeKeys: new Set(info.unicodeKeys),
    unicodeValues: new Map(info.unicodeValues),
    floats: new Set(info.floats),
    order: info.order,
  };
}

export class ReferenceProvenance {
  private readonly objects = new WeakMap<JsonObject, ObjectInfo>();
  private readonly arrays = new WeakMap<Json[], ArrayInfo>();

  /** Rule 1: `node` was parsed from the template; its keys and strings are unicode, its dicts Py27Dicts. */
  fromTemplate(node: Json, options: FromTemplateOptions = {}): void {
    this.markTemplate(node, [], options);
  }

  /** The key `key` of `obj` is unicode. */
  unicodeKey(obj: JsonObject, key: string): void {
    this.objectInfo(obj).unicodeKeys.add(key);
  }

  /** The string now at `container[keyOrIndex]` is unicode. */
  unicodeValue(container: Container, keyOrIndex: string | number): void {
    if (Array.isArray(container)) {
      const value = container[Number(keyOrIndex)];
      if (typeof value === 'string') this.arrayInfo(container).unicodeValues.set(Number(keyOrIndex), value);
    } else {
      const value = container[String(keyOrIndex)];
      if (typeof value === 'string') this.objectInfo(container).unicodeValues.set(String(keyOrIndex), value);
    }
  }

  /** The string at `container[keyOrIndex]` is a native str, whatever was marked before. */
  nativeValue(container: Container, keyOrIndex: string | number): void {
    if (Array.isArray(container)) this.arrayInfo(container).unicodeValues.delete(Number(keyOrIndex));
    else this.objectInfo(container).unicodeValues.delete(String(keyOrIndex));
  }

  /** The number at `container[keyOrIndex]` is a Python float. */
  floatValue(container: Container, keyOrIndex: string | number): void {
    if (Array.isArray(container)) this.arrayInfo(container).floats.add(Number(keyOrIndex));
    else this.objectInfo(container).floats.add(String(keyOrIndex));
  }

  /** `obj` is a plain Python dict: it iterates in insertion order. */
  plainDict(obj: JsonObject): void {
    this.objectInfo(obj).kind = 'plain';
  }

  /** `del obj[key]` / `obj.pop(key)`: removes the key and leaves the dummy a Py27Dict leaves. */
  deleteKey(obj: JsonObject, key: string): void {
    const info = this.objectInfo(obj);
    this.sync(obj, info);
    if (!(key in obj)) return;
    delete obj[key];
    info.log.push({ op: 'delete', key });
    info.live.delete(key);
    info.unicodeKeys.delete(key);
    info.unicodeValues.delete(key);
    info.floats.delete(key);
  }

  /** `Py27Dict(d)` / `.update(d)` / `.copy()`: the table is presized for `keys` before they are set. */
  merged(obj: JsonObject, keys: readonly string[]): void {
    const info = this.objectInfo(obj);
    this.sync(obj, info);
    info.log.push({ op: 'merge', count: keys.length });
  }

  /**
   * The keys `last` (those not yet in `obj`'s table) were inserted after every other new key of `obj`, in this
   * order: e.g. what a SwaggerEditor holds aside and writes back only when the session ends.
   */
  insertedLast(obj: JsonObject, last: readonly string[]): void {
    const info = this.objectInfo(obj);
    this.sync(obj, info, last);
  }

  /** Insertion order of `obj`'s keys when JS orders them differently (integer-like keys). */
  keyOrder(obj: JsonObject, keys: readonly string[]): void {
    this.objectInfo(obj).order = keys;
  }

  /**
   * SAM ran `copy.deepcopy` over `node` and carried on with the copy (every `SwaggerEditor(doc)` and every
   * `editor.swagger` does): each Py27Dict below it gets a fresh table, filled in its current 2.7 order. Recorded
   * in place: the JS objects stay the same. An object reachable twice is rebuilt once (deepcopy's memo).
   * `times` copies in a row are `times` walks; a route (`_unchangedBut`) changes nothing here.
   */
  deepCopied(node: Json, _unchangedBut?: unknown, times = 1): void {
    for (let i = 1; i < times; i++) this.deepCopied(node);
    const seen = new Set<object>();
    const walk = (value: Json): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (Array.isArray(value)) {
        value.forEach(walk);
        return;
      }
      this.rebuilt(value);
      for (const key of Object.keys(value)) walk(value[key] as Json);
    };
    walk(node);
  }

  /** `deepCopied` for the one dict `obj`, not what is below it. */
  rebuilt(obj: JsonObject): void {
    const info = this.objectInfo(obj);
    if (info.kind !== 'py27') return;
    this.sync(obj, info);
    info.log.push({ op: 'rebuild' });
  }

  /** SAM replaced the Py27Dict `obj` by `obj.copy()` (a shallow copy whose table is filled through merge). */
  copiedDict(obj: JsonObject): void {
    const info = this.objectInfo(obj);
    if (info.kind !== 'py27') return;
    this.sync(obj, info);
    info.log.push({ op: 'copy' });
  }

  /**
   * `copy` (a shallow JS copy of `original`) stands for the very Python dict `original` is: it continues
   * `original`'s table and marks, as when SAM edits in place what the emitter edits on a copy.
   */
  sameDict(original: JsonObject, copy: JsonObject): void {
    const info = this.objectInfo(original);
    this.sync(original, info);
    this.objects.set(copy, copyInfo(info));
  }

  /**
   * `copy.deepcopy(node)` when SAM keeps using the original too: a new JS tree with every mark, in which each
   * Py27Dict's table is rebuilt (see `deepCopied`).
   */
  deepCopy<T extends Json>(node: T): T {
    const copy = this.cloneMarked(node, new Map());
    this.deepCopied(copy);
    return copy;
  }

  private cloneMarked<T extends Json>(node: T, memo: Map<object, Json>): T {
    if (node === null || typeof node !== 'object') return node;
    const done = memo.get(node);
    if (done !== undefined) return done as T;
    if (Array.isArray(node)) {
      const copy: Json[] = [];
      memo.set(node, copy);
      for (const item of node) copy.push(this.cloneMarked(item, memo));
      const info = this.arrays.get(node);
      if (info) this.arrays.set(copy, { unicodeValues: new Map(info.unicodeValues), floats: new Set(info.floats) });
      return copy as T;
    }
    const obj = node as JsonObject;
    const info = this.objectInfo(obj);
    this.sync(obj, info);
    // The clone starts with the original's history (so the same table); deepCopied() then adds the rebuild.
    const copy: JsonObject = {};
    memo.set(node, copy);
    for (const key of Object.keys(obj)) copy[key] = this.cloneMarked(obj[key] as Json, memo);
    this.objects.set(copy, copyInfo(info));
    return copy as T;
  }

  /** The Python 2.7 iteration order of the Py27Dict `obj`: its history replayed on a simulated table. */
  py27Order(obj: JsonObject, hashes: Map<string, U64> = new Map()): string[] {
    let table = new Py27Keys(hashes);
    for (const step of this.history(obj)) {
      if (step.op === 'insert') table.add(step.key);
      else if (step.op === 'delete') table.remove(step.key);
      else if (step.op === 'merge') table.presize(step.count);
      else if (step.op === 'rebuild') table = Py27Keys.of(table.keys(), hashes);
      else {
        const fresh = new Py27Keys(hashes);
        fresh.merge(table.keys());
        table = fresh;
      }
    }
    return table.keys();
  }

  // ---- read side, for the renderer -------------------------------------------------------------

  /** Is `obj` a plain dict (insertion order) rather than a Py27Dict? */
  isPlainDict(obj: JsonObject): boolean {
    return this.objects.get(obj)?.kind === 'plain';
  }

  /** The Py27Dict history of `obj`, brought up to date with its current keys. */
  history(obj: JsonObject): readonly KeyOp[] {
    const info = this.objectInfo(obj);
    this.sync(obj, info);
    return info.log;
  }

  /** Keys of `obj` in insertion order (plain dicts). */
  insertionOrder(obj: JsonObject): string[] {
    const info = this.objectInfo(obj);
    this.sync(obj, info);
    return info.log.flatMap((op) => (op.op === 'insert' && info.live.has(op.key) ? [op.key] : [])).filter(
      (key, i, all) => all.lastIndexOf(key) === i,
    );
  }

  /** The renderer's read of a dict (Provenance.renderView). */
  renderView(obj: JsonObject): { order: readonly string[]; marks: ObjectInfo | undefined } {
    const order = this.isPlainDict(obj) ? this.insertionOrder(obj) : this.py27Order(obj);
    return { order, marks: this.objects.get(obj) };
  }

  arrayMarks(arr: Json[]): ArrayInfo | undefined {
    return this.arrays.get(arr);
  }

  isUnicodeKey(obj: JsonObject, key: string): boolean {
    return this.objects.get(obj)?.unicodeKeys.has(key) ?? false;
  }

  isUnicodeValue(container: Container, keyOrIndex: string | number): boolean {
    if (Array.isArray(container)) {
      const marked = this.arrays.get(container)?.unicodeValues.get(Number(keyOrIndex));
      return marked !== undefined && marked === container[Number(keyOrIndex)];
    }
    const marked = this.objects.get(container)?.unicodeValues.get(String(keyOrIndex));
    return marked !== undefined && marked === container[String(keyOrIndex)];
  }

  isFloat(container: Container, keyOrIndex: string | number): boolean {
    if (Array.isArray(container)) return this.arrays.get(container)?.floats.has(Number(keyOrIndex)) ?? false;
    return this.objects.get(container)?.floats.has(String(keyOrIndex)) ?? false;
  }

  // ---- internals -------------------------------------------------------------------------------

  private markTemplate(node: Json, path: (string | number)[], options: FromTemplateOptions): void {
    if (Array.isArray(node)) {
      const info = this.arrayInfo(node);
      node.forEach((item, i) => {
        if (typeof item === 'string') info.unicodeValues.set(i, item);
        else if (typeof item === 'number' && options.isFloat?.([...path, i])) info.floats.add(i);
        else this.markTemplate(item, [...path, i], options);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const info = this.objectInfo(node);
    const order = options.keyOrder?.(path);
    if (order) info.order = order;
    for (const key of Object.keys(node)) {
      info.unicodeKeys.add(key);
      const value = node[key];
      if (typeof value === 'string') info.unicodeValues.set(key, value);
      else if (typeof value === 'number' && options.isFloat?.([...path, key])) info.floats.add(key);
      else this.markTemplate(value, [...path, key], options);
    }
    this.sync(node, info);
  }

  /** Appends to the log what happened to `obj` since it was last seen: deletions first, then insertions. */
  private sync(obj: JsonObject, info: ObjectInfo, last: readonly string[] = []): void {
    for (const key of [...info.live]) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        info.log.push({ op: 'delete', key });
        info.live.delete(key);
      }
    }
    const present = Object.keys(obj);
    const inOrder = info.order ? [...info.order.filter((k) => present.includes(k)), ...present.filter((k) => !info.order?.includes(k))] : present;
    const ordered = last.length === 0 ? inOrder : [...inOrder.filter((k) => !last.includes(k)), ...last.filter((k) => present.includes(k))];
    for (const key of ordered) {
      if (!info.live.has(key)) {
        info.log.push({ op: 'insert', key });
        info.live.add(key);
      }
    }
  }

  private objectInfo(obj: JsonObject): ObjectInfo {
    let info = this.objects.get(obj);
    if (!info) {
      info = { kind: 'py27', log: [], live: new Set(), unicodeKeys: new Set(), unicodeValues: new Map(), floats: new Set() };
      this.objects.set(obj, info);
    }
    return info;
  }

  private arrayInfo(arr: Json[]): ArrayInfo {
    let info = this.arrays.get(arr);
    if (!info) {
      info = { unicodeValues: new Map(), floats: new Set() };
      this.arrays.set(arr, info);
    }
    return info;
  }
}
