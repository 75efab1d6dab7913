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
 *        - `copy.deepcopy` rebuilds every Py27Dict table below it: `prov.deepCopied(node)` (recorded in place);
 *          `x = x.copy()` on a Py27Dict: `prov.copiedDict(x)`;
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
 *
 * COST (what keeps a 5,000-route template linear; the straightforward version is kept as the reference in
 * test/deployment-hash/reference-provenance.ts and the tests check both agree):
 *   - A history is a node of a trie shared by every dict with the same steps (replay.ts `History`), plus the
 *     run of deep copies since its last other step, a count. Replaying that run
 *     follows the 2.7 order through the rebuilds until it repeats (rebuilding the same keys cycles with a small
 *     period, often 1, 2 or 4) and jumps ahead by `times` mod the period: `afterRebuilds`.
 *   - Each dict remembers the last deep copy (an epoch number) its history accounts for. An editor session of one
 *     event edits one method: `deepCopied(doc, { container: paths, path: [path, method] })` walks the doc, then
 *     only `paths`, the path item and the method, and notes the copy on `paths` and on the path item (`Routed`):
 *     O(1) per dict on the path, whatever the number of path items. A dict left unwalked learns what it missed
 *     from its parent's routed copies when it is walked again or read or edited (`catchUp`; a child remembers
 *     its parent), and the count goes to the history of every dict below it that its last walk reached. Sound
 *     because the dicts off the path did not change: the caller vouches for it (`UnchangedBut`); a dict that
 *     left its parent (deleted, replaced) counts only the copies before the first walk that would have reached
 *     it. test/deployment-hash/lazy-walk.test.ts checks random sessions against the reference and transforms
 *     with and without the shortcut byte for byte.
 *   - What is still walked per event: the doc's top level (a key comparison each), the three dicts on the path
 *     and the method's subtree; plus a few full walks per API (SAM's API-level sessions). Sessions in a row
 *     with no edit between them (swagger/editor-session.ts `EditorSessions`) record a session's closing copy and
 *     the next one's opening copy in one walk (`times`: a routed walk takes an epoch per copy), so an event costs
 *     one walk per pass, not two.
 */
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { ReplayMemo, stepsOf, type History, type KeyOp } from './replay';

export type { KeyOp } from './replay';

/** An object or array inside the Body. */
export type Container = JsonObject | Json[];

export interface FromTemplateOptions {
  /** True when the scalar at `path` (relative to the marked node) was written as a float (`2.0`). */
  isFloat?(path: JsonPath): boolean;
  /** The source order of the mapping at `path` when it differs from its JS key order. */
  keyOrder?(path: JsonPath): readonly string[] | undefined;
}

/**
 * What the caller of `deepCopied` vouches for, since the last deep copy that reached them: below `container`,
 * only the `path` (`container[path[0]]`, `container[path[0]][path[1]]`...) and what is below its end
 * (`container[path[0]]...[path[n-1]]`, free to change) changed. Off it: no key added or deleted in any dict, no
 * value that is an object or array replaced, no child replaced by an object a deep copy reached before. The
 * dicts on the path before its end (`container`, `container[path[0]]`...) gained no key but the path's next
 * step and lost none. Anything outside `container` is walked as usual. (An event's session: `paths`,
 * [path, method].)
 */
export interface UnchangedBut {
  container: JsonObject;
  path: readonly string[];
}

export interface ObjectInfo {
  kind: 'py27' | 'plain';
  /**
   * Py27Dict history (keys present in the object but missing from it are added on sync): the node of the
   * history trie its steps lead to, shared with every dict whose history is the same, and the run of rebuilds
   * since (a count: most walks add one, and a step other than a rebuild turns them into one step first).
   */
  history: History;
  rebuilds: number;
  /**
   * Keys alive in `history` (inserted, not deleted since), never modified in place (dicts share it). After a sync,
   * in `Object.keys(obj)` order: the cheap no-change check compares the two.
   */
  live: readonly string[];
  /** `live` as a set, for a large dict (made when asked; dropped when `live` changes). */
  liveSet: Set<string> | undefined;
  unicodeKeys: Set<string>;
  /** key → the unicode string it held when marked. */
  unicodeValues: Map<string, string>;
  floats: Set<string>;
  /** Explicit insertion order for keys that JS orders differently. */
  order?: readonly string[];
  /** The last deep copy (epoch) that `history` accounts for; -1 while no deep copy has reached the object. */
  at: number;
  /** The dict whose walk last reached this one as a child (directly or through arrays), and under which key. */
  parent?: ObjectInfo;
  parentObj?: JsonObject;
  parentKey?: string;
  /** Once this dict has been routed (see `Routed`): its routed and full walks. */
  routed?: Routed;
}

/** What an array's marks say about its items, read-only: index → the unicode string it held when marked. */
export interface ArrayMarks {
  readonly unicodeValues: ReadonlyMap<number, string>;
  readonly floats: ReadonlySet<number>;
}

/** What an object's marks say about its keys and values, read-only. */
export interface ObjectMarks {
  readonly unicodeKeys: ReadonlySet<string>;
  /** key → the unicode string it held when marked: the value is unicode while it is still that string. */
  readonly unicodeValues: ReadonlyMap<string, string>;
  readonly floats: ReadonlySet<string>;
}

/** A dict as the renderer reads it (`Provenance.renderView`). */
export interface DictView {
  readonly order: readonly string[];
  /** undefined: no marks. */
  readonly marks: ObjectMarks | undefined;
}

interface ArrayInfo {
  unicodeValues: Map<number, string>;
  floats: Set<number>;
}

/**
 * The deep copies that walked a dict on an `UnchangedBut` path (`epochs`, ascending, with the `next` key each
 * walked) without walking its other children: a child still in place missed every one after its own `at`
 * (nothing off the path changes, so it was there all along). A child no longer in place left before the first
 * later walk that would have reached it: a full walk (`full`, ascending; the first is the walk before the first
 * routed one) or a routed walk whose next key was its own.
 */
interface Routed {
  epochs: number[];
  next: string[];
  full: number[];
}

const NONE: readonly string[] = [];

export class Provenance {
  private readonly objects = new WeakMap<JsonObject, ObjectInfo>();
  private readonly arrays = new WeakMap<Json[], ArrayInfo>();
  /** Deep copies so far (each `deepCopied` call is one epoch). */
  private epoch = 0;
  /** Dicts with `routed` copies some of their children may not have logged yet. */
  private readonly pending = new Set<JsonObject>();
  /** The latest epoch in which a child was skipped: a dict last walked before it may be missing deep copies. */
  private lastSkip = 0;
  /** Hashes and rebuild cycles, shared by every replay of this provenance's dicts. */
  private readonly memo = new ReplayMemo();

  /** Rule 1: `node` was parsed from the template; its keys and strings are unicode, its dicts Py27Dicts. */
  fromTemplate(node: Json, options: FromTemplateOptions = {}): void {
    this.markTemplate(node, options.isFloat || options.keyOrder ? [] : undefined, options);
  }

  /** The key `key` of `obj` is unicode. */
  unicodeKey(obj: JsonObject, key: string): void {
    unicodeKeysOf(this.objectInfo(obj)).add(key);
  }

  /** The string now at `container[keyOrIndex]` is unicode. */
  unicodeValue(container: Container, keyOrIndex: string | number): void {
    if (Array.isArray(container)) {
      const value = container[Number(keyOrIndex)];
      if (typeof value === 'string') this.arrayInfo(container).unicodeValues.set(Number(keyOrIndex), value);
    } else {
      const value = container[String(keyOrIndex)];
      if (typeof value === 'string') unicodeValuesOf(this.objectInfo(container)).set(String(keyOrIndex), value);
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
    else floatsOf(this.objectInfo(container)).add(String(keyOrIndex));
  }

  /** `obj` is a plain Python dict: it iterates in insertion order. */
  plainDict(obj: JsonObject): void {
    this.objectInfo(obj).kind = 'plain';
  }

  /** `del obj[key]` / `obj.pop(key)`: removes the key and leaves the dummy a Py27Dict leaves. */
  deleteKey(obj: JsonObject, key: string): void {
    const info = this.current(obj);
    this.sync(obj, info);
    if (!(key in obj)) return;
    delete obj[key];
    info.history = this.memo.thenKey(this.settled(info), 'delete', key);
    setLive(info, info.live.filter((k) => k !== key));
    info.unicodeKeys.delete(key);
    info.unicodeValues.delete(key);
    info.floats.delete(key);
  }

  /** `Py27Dict(d)` / `.update(d)` / `.copy()`: the table is presized for `keys` before they are set. */
  merged(obj: JsonObject, keys: readonly string[]): void {
    const info = this.current(obj);
    this.sync(obj, info);
    info.history = this.memo.then(this.settled(info), { op: 'merge', count: keys.length });
  }

  /**
   * The keys `last` (those not yet in `obj`'s table) were inserted after every other new key of `obj`, in this
   * order: e.g. what a SwaggerEditor holds aside and writes back only when the session ends.
   */
  insertedLast(obj: JsonObject, last: readonly string[]): void {
    this.sync(obj, this.current(obj), last);
  }

  /** Insertion order of `obj`'s keys when JS orders them differently (integer-like keys). */
  keyOrder(obj: JsonObject, keys: readonly string[]): void {
    this.objectInfo(obj).order = keys;
  }

  /**
   * SAM ran `copy.deepcopy` over `node` and carried on with the copy (every `SwaggerEditor(doc)` and every
   * `editor.swagger` does): each Py27Dict below it gets a fresh table, filled in its current 2.7 order. Recorded
   * in place: the JS objects stay the same. An object reachable twice is rebuilt once (deepcopy's memo).
   * With `unchangedBut`, the children of its container other than `container[key]` are not walked (see
   * `UnchangedBut` for what the caller vouches for): what they miss is counted and logged when next needed.
   * `times`: that many deep copies in a row with no edit in between, in one walk. (A routed walk takes an epoch
   * per copy: a dict it skips counts each one as missed.)
   */
  deepCopied(node: Json, unchangedBut?: UnchangedBut, times = 1): void {
    const first = this.epoch + 1;
    const epoch = unchangedBut === undefined ? ++this.epoch : (this.epoch += times);
    // (No memo of the arrays met, as deepcopy keeps: an array met twice leads to dicts met twice, which the
    // epoch check stops.)
    let skipped = false;
    const path = unchangedBut?.path ?? NONE;
    // `depth`: `value` is the dict at unchangedBut.path[0..depth) below the container (-1: not on the path).
    // `parent[key]` holds `value` (directly or through arrays).
    const walk = (value: Json, parent: JsonObject | undefined, parentInfo: ObjectInfo | undefined, key: string | undefined, depth: number): void => {
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const item of value) walk(item, parent, parentInfo, key, -1);
        return;
      }
      if (depth < 0 && value === unchangedBut?.container) depth = 0;
      // Met through its parent, which this walk caught up already, a dict can lack its own misses only: the
      // scan of every pending dict (catchUp) is for a dict met without its parents, the walk's start.
      const info = this.current(value, parent === undefined);
      if (info.at === epoch) return;
      info.parent = parentInfo;
      info.parentObj = parent;
      info.parentKey = key;
      if (depth >= 0 && depth < path.length && info.at >= 0 && info.kind === 'py27') {
        // On the path: the one child that may be new is the next step; the others stay unwalked and count
        // this copy as missed through `routed` (O(1) here, whatever the number of children).
        const next = path[depth] as string;
        const nextValue = value[next];
        const has = nextValue !== undefined;
        if (has && !isLive(info, next)) {
          info.history = this.memo.thenKey(this.settled(info), 'insert', next);
          const set = info.liveSet;
          setLive(info, [...info.live, next]);
          // (A large container gains one key a walk: its set follows rather than being made again.)
          info.liveSet = set?.add(next);
        }
        const routed = (info.routed ??= { epochs: [], next: [], full: [info.at] });
        this.logRebuilds(info, times);
        info.at = epoch;
        if (has) walk(nextValue, value, info, next, depth + 1);
        for (let e = first; e <= epoch; e++) {
          routed.epochs.push(e);
          routed.next.push(next);
        }
        if (info.live.length > (has ? 1 : 0)) {
          skipped = true;
          this.pending.add(value);
        }
        return;
      }
      if (info.kind === 'py27') {
        this.sync(value, info);
        this.logRebuilds(info, times);
      }
      info.at = epoch;
      info.routed?.full.push(epoch);
      const keys = info.kind === 'py27' ? info.live : Object.keys(value);
      for (const k of keys) {
        const child = value[k] as Json;
        if (child !== null && typeof child === 'object') walk(child, value, info, k, -1);
      }
    };
    walk(node, undefined, undefined, undefined, -1);
    if (skipped) this.lastSkip = epoch;
  }

  /** SAM replaced the Py27Dict `obj` by `obj.copy()` (a shallow copy whose table is filled through merge). */
  copiedDict(obj: JsonObject): void {
    const info = this.objectInfo(obj);
    if (info.kind !== 'py27') return;
    this.catchUp(obj, info);
    this.sync(obj, info);
    info.history = this.memo.then(this.settled(info), { op: 'copy' });
  }

  /**
   * `copy` (a shallow JS copy of `original`) stands for the very Python dict `original` is: it continues
   * `original`'s table and marks, as when SAM edits in place what the emitter edits on a copy.
   */
  sameDict(original: JsonObject, copy: JsonObject): void {
    const info = this.current(original);
    this.sync(original, info);
    this.objects.set(copy, copyInfo(info));
  }

  /** The Python 2.7 iteration order of the Py27Dict `obj`: its history replayed on a simulated table. */
  py27Order(obj: JsonObject): string[] {
    return [...this.py27OrderOf(this.synced(obj))];
  }

  // ---- read side, for the renderer -------------------------------------------------------------

  /**
   * What the renderer reads of the dict `obj`, in one lookup: the order SAM iterates it in (2.7 order, or insertion
   * order for a plain dict; shared, do not modify it) and its marks.
   */
  renderView(obj: JsonObject): DictView {
    const info = this.synced(obj);
    return { order: info.kind === 'plain' ? insertionOf(info) : this.py27OrderOf(info), marks: info };
  }

  /** The unicode and float marks of `arr`'s items (undefined: none), for the renderer. */
  arrayMarks(arr: Json[]): ArrayMarks | undefined {
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

  /** `path`: where `node` is below the marked root, kept only when `options` asks by path (else undefined). */
  private markTemplate(node: Json, path: (string | number)[] | undefined, options: FromTemplateOptions): void {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      const info = this.arrayInfo(node);
      node.forEach((item, i) => {
        if (typeof item === 'string') info.unicodeValues.set(i, item);
        else if (typeof item === 'number') {
          if (path !== undefined && options.isFloat?.([...path, i])) info.floats.add(i);
        } else this.markTemplate(item, path && [...path, i], options);
      });
      return;
    }
    const info = this.current(node);
    const order = path && options.keyOrder?.(path);
    if (order) info.order = order;
    for (const key of Object.keys(node)) {
      unicodeKeysOf(info).add(key);
      const value = node[key] as Json;
      if (typeof value === 'string') unicodeValuesOf(info).set(key, value);
      else if (typeof value === 'number') {
        if (path !== undefined && options.isFloat?.([...path, key])) floatsOf(info).add(key);
      } else this.markTemplate(value, path && [...path, key], options);
    }
    this.sync(node, info);
  }

  /** `obj`'s info with its history up to date: its misses logged, its keys synced. */
  protected synced(obj: JsonObject): ObjectInfo {
    const info = this.current(obj);
    this.sync(obj, info);
    return info;
  }

  /** The 2.7 order of `info`'s history (shared: do not modify it). */
  private py27OrderOf(info: ObjectInfo): readonly string[] {
    // One key or none: no table to simulate.
    if (info.live.length <= 1) return info.live;
    return this.memo.orderAt(info.history, info.rebuilds);
  }

  /** Adds to the history what happened to `obj` since it was last seen: deletions first, then insertions. */
  protected sync(obj: JsonObject, info: ObjectInfo, last: readonly string[] = NONE): void {
    const live = info.live;
    if (hasKeys(obj, live)) return;
    const present = Object.keys(obj);
    if (present.length !== live.length || !present.every((key) => isLive(info, key))) {
      // (Deletions commute: each leaves a dummy in its own slot.)
      for (const key of live) {
        if (!Object.hasOwn(obj, key)) info.history = this.memo.thenKey(this.settled(info), 'delete', key);
      }
      this.recordInserts(obj, info, present, last);
    }
    setLive(info, present);
  }

  /** The inserts of the keys of `present` not in `info.live`, in the order SAM inserted them. */
  private recordInserts(obj: JsonObject, info: ObjectInfo, present: string[], last: readonly string[]): void {
    let ordered = present;
    if (info.order) {
      const known = new Set(info.order);
      ordered = [...info.order.filter((k) => Object.hasOwn(obj, k)), ...present.filter((k) => !known.has(k))];
    }
    if (last.length > 0) {
      const lastSet = new Set(last);
      ordered = [...ordered.filter((k) => !lastSet.has(k)), ...last.filter((k) => Object.hasOwn(obj, k))];
    }
    for (const key of ordered) {
      if (!isLive(info, key)) info.history = this.memo.thenKey(this.settled(info), 'insert', key);
    }
  }

  /** Adds `times` rebuilds to the run `info` holds. */
  protected logRebuilds(info: ObjectInfo, times: number): void {
    info.rebuilds += times;
  }

  /** `info`'s history with its run of rebuilds made a step (before a step of another kind is added). */
  private settled(info: ObjectInfo): History {
    if (info.rebuilds > 0) {
      info.history = this.memo.then(info.history, { op: 'rebuild', times: info.rebuilds });
      info.rebuilds = 0;
    }
    return info.history;
  }

  /** `obj`'s info, with every deep copy it missed in its history: the state to read or edit it in. */
  private current(obj: JsonObject, scan = true): ObjectInfo {
    const info = this.objectInfo(obj);
    this.catchUp(obj, info, scan);
    return info;
  }

  /**
   * Logs the deep copies `obj` missed: its own (its parent's routed copies since its last walk), then, when it was
   * walked before the latest skip, every pending dict's children's (it may sit below one of them: which one is
   * not known without parents further up; a walk reaches a child after its parent, so this is rare: a dict the
   * emitter reads or edits directly, or the renderer's first read). `scan: false` for a dict whose parents
   * are caught up (a walk met it through them): its own misses are all it can lack.
   */
  protected catchUp(obj: JsonObject, info: ObjectInfo, scan = true): void {
    if (info.at < 0) return;
    if (info.parent?.routed !== undefined) this.logOwnMisses(obj, info);
    if (scan && info.at < this.lastSkip && this.pending.size > 0) {
      for (const container of [...this.pending]) {
        this.pending.delete(container);
        const containerInfo = this.objects.get(container) as ObjectInfo;
        forEachChildDict(container, (child) => {
          const childInfo = this.objects.get(child);
          if (childInfo !== undefined && childInfo.parent === containerInfo) this.logOwnMisses(child, childInfo);
        });
      }
    }
  }

  /** Logs the routed copies of its parent that `obj` missed (see `Routed`). */
  private logOwnMisses(obj: JsonObject, info: ObjectInfo): void {
    const routed = info.parent?.routed;
    if (routed === undefined || info.at < 0) return;
    const epochs = routed.epochs;
    if ((epochs[epochs.length - 1] as number) <= info.at) return;
    const from = firstAfter(epochs, info.at);
    let to = epochs.length;
    if (!holds(info.parentObj as JsonObject, info.parentKey as string, obj)) {
      // It left its parent since its last walk: the first later walk that would have reached it did not.
      let left = Infinity;
      const full = firstAfter(routed.full, info.at);
      if (full < routed.full.length) left = routed.full[full] as number;
      for (let i = from; i < epochs.length && (epochs[i] as number) < left; i++) {
        if (routed.next[i] === info.parentKey) left = epochs[i] as number;
      }
      to = firstAfter(epochs, left - 1);
      info.parent = undefined;
    }
    if (to > from) this.logMissed(obj, info, to - from, epochs[to - 1] as number);
  }

  /**
   * Adds `count` deep copies, the last at epoch `last`, that `root` missed to every dict below it that its last
   * walk reached (those still at that walk's epoch; anything newer was added or walked since).
   */
  private logMissed(root: JsonObject, rootInfo: ObjectInfo, count: number, last: number): void {
    const base = rootInfo.at;
    // (An array met twice leads to dicts met twice: the first visit moves them past `base`.)
    const apply = (value: Json): void => {
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const item of value) apply(item);
        return;
      }
      const info = this.objects.get(value);
      if (info === undefined) return;
      // Skipped below `root` too (a method skipped in its path item): its own misses come first.
      if (value !== root && info.parent?.routed !== undefined) this.logOwnMisses(value, info);
      if (info.at !== base) return;
      if (info.kind === 'py27') this.logRebuilds(info, count);
      info.at = last;
      // A Py27Dict's keys are its live keys (synced by the walk at `base`, unchanged since: no array made); a key
      // gone since gives undefined, a dict new since is past `base`. (Nothing here adds or deletes a key.)
      for (const key of info.kind === 'py27' ? info.live : Object.keys(value)) apply(value[key] as Json);
    };
    apply(root);
  }

  protected objectInfo(obj: JsonObject): ObjectInfo {
    let info = this.objects.get(obj);
    if (!info) {
      info = newInfo('py27', this.memo.root, 0, NONE, NO_KEYS, NO_VALUES, NO_KEYS, undefined);
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

/** A plain dict's iteration order: rebuilds do not change it, so it is its history node's (shared: do not modify it). */
function insertionOf(info: ObjectInfo): readonly string[] {
  return (info.history.insertion ??= insertionOrderOf(stepsOf(info.history)));
}

/** The live keys of a history in the order of their last insert (a plain dict's iteration order). */
export function insertionOrderOf(steps: readonly KeyOp[]): string[] {
  // A Set iterates in insertion order: a key inserted again moves to the end.
  const live = new Set<string>();
  for (const step of steps) {
    if (step.op === 'insert' || step.op === 'delete') live.delete(step.key);
    if (step.op === 'insert') live.add(step.key);
  }
  return [...live];
}

/**
 * Whether `obj`'s own keys are `keys`, in this order. (A for-in compare: Object.keys took fewer instructions
 * but made an array per check, and the garbage cost more wall time than it saved: 0.88x the time, measured.)
 */
function hasKeys(obj: JsonObject, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in obj) if (key !== keys[i++]) return false;
  return i === keys.length;
}

/** Whether `key` is alive in `info`'s history. */
function isLive(info: ObjectInfo, key: string): boolean {
  const live = info.live;
  if (live.length <= 8) return live.includes(key);
  return (info.liveSet ??= new Set(live)).has(key);
}

function setLive(info: ObjectInfo, live: readonly string[]): void {
  info.live = live;
  info.liveSet = undefined;
}

/** Whether `parent[key]` is `child`, or an array holding it (at any depth). */
function holds(parent: JsonObject, key: string, child: JsonObject): boolean {
  const value = parent[key];
  if (value === child) return true;
  const inside = (v: Json | undefined): boolean => Array.isArray(v) && v.some((item) => item === child || inside(item));
  return inside(value);
}

/** The index of the first epoch in the ascending `epochs` above `epoch`. */
function firstAfter(epochs: readonly number[], epoch: number): number {
  let lo = 0;
  let hi = epochs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((epochs[mid] as number) > epoch) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Calls `f` with each dict child of `obj`, directly or through arrays. */
function forEachChildDict(obj: JsonObject, f: (child: JsonObject) => void): void {
  const visit = (value: Json): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) for (const item of value) visit(item);
    else f(value);
  };
  for (const key of Object.keys(obj)) visit(obj[key] as Json);
}

/**
 * The empty marks every info starts with, shared: most dicts have no float and many no unicode key or value.
 * Never written: `unicodeKeysOf` and the others give an info its own collection before its first mark.
 */
const NO_KEYS: Set<string> = new Set();
const NO_VALUES: Map<string, string> = new Map();

function unicodeKeysOf(info: ObjectInfo): Set<string> {
  if (info.unicodeKeys === NO_KEYS) info.unicodeKeys = new Set();
  return info.unicodeKeys;
}

function unicodeValuesOf(info: ObjectInfo): Map<string, string> {
  if (info.unicodeValues === NO_VALUES) info.unicodeValues = new Map();
  return info.unicodeValues;
}

function floatsOf(info: ObjectInfo): Set<string> {
  if (info.floats === NO_KEYS) info.floats = new Set();
  return info.floats;
}

/** A new object's info continuing `info`'s table and marks (not yet reached by any deep copy). */
function copyInfo(info: ObjectInfo): ObjectInfo {
  return newInfo(
    info.kind,
    info.history,
    info.rebuilds,
    info.live,
    info.unicodeKeys === NO_KEYS ? NO_KEYS : new Set(info.unicodeKeys),
    info.unicodeValues === NO_VALUES ? NO_VALUES : new Map(info.unicodeValues),
    info.floats === NO_KEYS ? NO_KEYS : new Set(info.floats),
    info.order,
  );
}

/**
 * An info not yet reached by any deep copy. Every field is set here, in one order, so that all infos share one
 * shape (the walks read them by the thousand; a field added later would split them into several).
 */
function newInfo(
  kind: ObjectInfo['kind'],
  history: History,
  rebuilds: number,
  live: readonly string[],
  unicodeKeys: Set<string>,
  unicodeValues: Map<string, string>,
  floats: Set<string>,
  order: readonly string[] | undefined,
): ObjectInfo {
  return { kind, history, rebuilds, live, liveSet: undefined, unicodeKeys, unicodeValues, floats, order, at: -1, parent: undefined, parentObj: undefined, parentKey: undefined, routed: undefined };
}
