/**
 * What SAM's Python objects know and a JS value cannot: which strings are `unicode` (Py27UniStr), which
 * dicts are Py27Dict (Python 2.7 iteration order, path dependent) and which are plain dicts (insertion order),
 * which numbers are floats. The emitter tells a `Provenance` while it builds the Body; the renderer reads it.
 *
 * RULES FOR THE EMITTER (SAM 1.110 behaviour; see the notes at the end of this comment for the sources)
 *   1. Anything parsed from the template (DefinitionBody, Auth blocks, event properties, Globals.Api) is marked
 *      with `prov.fromTemplate(node)` as soon as it is parsed, before anything edits it. Its objects become
 *      Py27Dicts whose insertion order is their key order now, its keys and strings unicode. The mark is a
 *      snapshot: keys added later are native `str` unless marked; a value replaced by another string is native.
 *   2. Objects the emitter creates are Py27Dicts (the default) whose insertion order is the JS assignment
 *      order, with native keys and native string values. Mark the exceptions:
 *        - `prov.unicodeKey(obj, key)` / `prov.unicodeValue(container, keyOrIndex)` for a key/string SAM took
 *          from the template (an authorizer name, a path, a method name, a scope, a `UserPoolArn` string...),
 *          or that SAM derived from one with `+`, `.upper()`, `.lower()`, `.replace()`, `.split()`
 *          (Py27UniStr keeps its type through those), or that SAM wraps in Py27UniStr explicitly.
 *          Formatting (`f"..."`, `"%s" % x`, `"{}".format(x)`, `str + unicode` with the native string on the
 *          left) gives a native str.
 *        - `prov.plainDict(obj)` for a dict SAM builds as a plain `{...}` literal (iterates in insertion order).
 *      A value that is a whole template subtree (e.g. a `UserPoolArn` intrinsic) is marked by rule 1.
 *   3. Key order: the order matters only through hash collisions, so replay SAM's operations faithfully:
 *        - delete with `prov.deleteKey(obj, key)` (a Py27Dict keeps a dummy slot);
 *        - `copy.deepcopy` rebuilds every Py27Dict table below it: `prov.deepCopied(node)` (in place), or
 *          `prov.deepCopy(node)` for a real copy; `x = x.copy()` on a Py27Dict: `prov.copiedDict(x)`;
 *        - `Py27Dict(existing_dict)` / `.update(dict)` / `.copy()` presize the table: `prov.merged(obj, keys)`
 *          before assigning those keys;
 *        - JS orders integer-like keys ("200") first: when SAM inserted them in another order, say so with
 *          `prov.keyOrder(obj, keys)` (for template nodes, `fromTemplate`'s `keyOrder` option).
 *   4. Numbers: a template float (`swagger: 2.0`) prints `2.0`; JS cannot tell, so mark it with
 *      `prov.floatValue(container, keyOrIndex)` or `fromTemplate`'s `isFloat` option. The parser records which
 *      numbers were written as floats (`TemplateSourceMap.isFloat(path)`); `transform(t, { sourceMap })` passes
 *      it down (LowerContext.isFloat). A template from JSON.parse (the macro) cannot tell: integers print as ints.
 *   5. A JS copy that stands for the same Python dict SAM edits in place: `prov.sameDict(original, copy)`.
 *
 * WHERE SAM'S HISTORY MATTERS (read from samtranslator 1.110: swagger/swagger.py, model/api/api_generator.py,
 * plugins/globals/globals.py). Orders differ only through hash collisions, but collisions are common (e.g.
 * `in` and `x-amazon-apigateway-authtype` share a home slot), and a deepcopy cycle can be 2 or 4 long, so the
 * NUMBER of deepcopies matters:
 *   - `SwaggerEditor(doc)` deep-copies the doc and `editor.swagger` returns a deep copy: each editor session is
 *     `prov.deepCopied(body)` at its start and again at its end (swagger/editor-session.ts does both, and writes
 *     `securityDefinitions`, gateway responses and `definitions` back last when the doc had none: the editor
 *     holds them aside and its `swagger` getter sets them after anything set on the doc directly, such as
 *     `x-amazon-apigateway-policy`). Sessions: each Api event adding its path
 *     (push.py / stepfunctions events), then in ApiGenerator `_add_cors`, `_add_auth`, `_add_gateway_responses`,
 *     `_add_binary_media_types`, `_add_models`, `_add_endpoint_extension`, each only when its property is set.
 *   - `Globals.fix_openapi_definitions` (OpenApiVersion 3.x on a SAM-managed body): `body.openapi = <version>`
 *     (unicode when the template wrote a string, native `str(x)` for a number), then `del body.swagger`.
 *   - `_openapi_postprocess` (after `_add_auth`, `_add_models` and once more in `_construct_rest_api`, with no
 *     deepcopy after the last one): `components` (native, created if absent) gets `securitySchemes` /
 *     `schemas`, then `del body.securityDefinitions` / `del body.definitions`; CORS `options` methods lose
 *     `produces` / `consumes` (deleteKey), and each `responses.200.headers[h]` becomes a new Py27Dict
 *     `{schema: old}`. The hashed Body is the one after that.
 *   - Event order: the implicit API plugin copies a resource's Api events into a new Py27Dict (in `Events`'
 *     2.7 order) and adds paths in that copy's order; translation later walks `Events` after
 *     `Events.update(copy)`; resources are walked in `Resources`' 2.7 order (events.ts py27EventOrder).
 *   - Plain dicts SAM writes as literals: `Fn::Sub` / `Ref` / `Fn::GetAtt` wrappers it builds, CORS
 *     `{"type": "string"}` header schemas and `requestTemplates`, OpenAPI `requestBody`, a policy statement's
 *     `Condition`. `Py27Dict({...})` literals (`{"statusCode": "200"}`, `{"AWS": ...}`) are merges.
 * To check a flag or an order against SAM, compare with the case's deployment-hash-inputs.json: the test in
 * test/deployment-hash/conformance.test.ts parses those strings (python-literal.ts) and shows the pattern.
 */
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { Py27Keys } from './py27-dict';
import type { U64 } from './py27-hash';

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

export class Provenance {
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
   */
  deepCopied(node: Json): void {
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
    this.objects.set(copy, {
      kind: info.kind,
      log: [...info.log],
      live: new Set(info.live),
      unicodeKeys: new Set(info.unicodeKeys),
      unicodeValues: new Map(info.unicodeValues),
      floats: new Set(info.floats),
      order: info.order,
    });
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
    this.objects.set(copy, {
      kind: info.kind,
      log: [...info.log],
      live: new Set(info.live),
      unicodeKeys: new Set(info.unicodeKeys),
      unicodeValues: new Map(info.unicodeValues),
      floats: new Set(info.floats),
      order: info.order,
    });
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
