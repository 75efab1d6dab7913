import { EVENT_ID, getScalarValue, SCALAR_STYLE } from 'js-yaml';
import type { Event, MappingEvent, ScalarEvent, SequenceEvent } from 'js-yaml';
import { diagnostic } from '../diagnostics/make';
import type { DiagnosticCode } from '../diagnostics/codes/index';
import type { Diagnostic } from '../diagnostics/types';
import type { Json, JsonObject } from '../model/json';
import { toPointer } from '../model/json';
import { MAX_ALIAS_NODES, MAX_DEPTH } from './limits';
import { isFloatText, resolveExplicit, resolvePlainJson, resolvePlainYaml11, type ScalarValue } from './scalars';
import type { TemplateSourceMap } from './source-map';
import { classifyTag, intrinsicKey, KNOWN_TAGS, splitGetAtt } from './tags';

/**
 * Events (js-yaml's parseEvents: a flat stream with source offsets) → one JSON value, with the offset of
 * every value and key written to the source map. This is where YAML meets CloudFormation:
 * - short-form tags become long-form intrinsics (tags.ts), tagged scalars stay text;
 * - plain scalars get YAML 1.1 types as PyYAML gives them (scalars.ts), or JSON's in a JSON file;
 * - merge keys (`<<`) work as in PyYAML's SafeLoader, which SAM uses;
 * - aliases are expanded into copies (never shared objects), within MAX_ALIAS_NODES;
 * - duplicate keys are errors (CloudFormation refuses them), non-scalar keys too;
 * - `__proto__` and `constructor` are ordinary keys: own data properties, no prototype is touched.
 */
export interface ComposeResult {
  /** The document's value; undefined when the stream holds no document. */
  value: Json | undefined;
  /** How many documents the stream holds (a template is exactly one). */
  documents: number;
  diagnostics: Diagnostic[];
}

type NodeEvent = ScalarEvent | SequenceEvent | MappingEvent;

/** Unwinds the walk when a limit is hit: nothing after it is worth reading. Caught in compose(). */
class LimitReached {
  constructor(readonly diagnostic: Diagnostic) {}
}

/** Enough to fix a template; a hostile one must not make us print a million lines. */
const MAX_DIAGNOSTICS = 50;

export function compose(events: Event[], source: string, json: boolean, map: TemplateSourceMap): ComposeResult {
  const walker = new Walker(events, source, json, map);
  const diagnostics = walker.diagnostics;
  let value: Json | undefined;
  let documents = 0;
  let second = -1;
  try {
    for (let i = 0; i < events.length; i++) {
      if (events[i].type !== EVENT_ID.DOCUMENT) continue;
      documents++;
      if (documents === 1) {
        walker.at = i + 1;
        value = walker.node([], '', 0);
        i = walker.at; // the document's POP
      } else if (second < 0) {
        second = documentMarker(source, events, i);
        if (second < 0) second = nodeOffset(events[i + 1]);
      }
    }
  } catch (e) {
    if (!(e instanceof LimitReached)) throw e;
    diagnostics.push(e.diagnostic);
  }
  if (documents > 1) {
    walker.report('parse/syntax', `the file holds ${documents} YAML documents (separated by ---); a template is one document`, [], Math.max(second, 0));
  }
  return { value, documents, diagnostics };
}

/** The offset of the `---` that opens the document at event `index` (an empty document has no node offset). */
function documentMarker(source: string, events: Event[], index: number): number {
  let markers = 0;
  for (let i = 0; i <= index; i++) {
    const e = events[i];
    if (e.type === EVENT_ID.DOCUMENT && e.explicitStart) markers++;
  }
  const re = /^---(?=[ \t\r\n]|$)/gm;
  let match: RegExpExecArray | null = null;
  for (let n = 0; n < markers; n++) match = re.exec(source);
  return match ? match.index : -1;
}

/** Where a node starts in the source: its anchor or tag when it has one, else its value. -1 when unknown. */
function nodeOffset(e: Event | undefined): number {
  if (e === undefined) return -1;
  const starts: number[] = [];
  switch (e.type) {
    case EVENT_ID.SCALAR:
      if (e.valueStart >= 0) {
        const quoted = e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
        starts.push(quoted ? e.valueStart - 1 : e.valueStart);
      }
      break;
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      starts.push(e.start);
      break;
    case EVENT_ID.ALIAS:
      return e.anchorStart - 1;
    default:
      return -1;
  }
  if (e.anchorStart >= 0) starts.push(e.anchorStart - 1);
  if (e.tagStart >= 0) starts.push(e.tagStart);
  return starts.length === 0 ? -1 : Math.min(...starts);
}

function escapeSegment(key: string): string {
  return '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Writes a key as an own, enumerable data property, `__proto__` included (assignment would set the prototype). */
export function setOwn(target: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** A key's text as JSON has it: PyYAML builds `200:` as the int 200, which json.dumps writes as "200". */
function keyText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

class Walker {
  at = 0;
  readonly diagnostics: Diagnostic[] = [];
  /** Anchor name → index of the anchored node's event, while walking the document the first time. */
  private readonly anchors = new Map<string, { index: number; done: boolean }>();
  /** Alias event index → anchored node's event index, resolved when the alias is first met (YAML scoping). */
  private readonly aliasTargets = new Map<number, number>();
  private replaying = 0;
  private aliasNodes = 0;
  /** The alias in the document being expanded (the outermost one), where an alias bomb is reported. */
  private aliasSite: { path: (string | number)[]; offset: number } = { path: [], offset: 0 };

  constructor(
    private readonly events: Event[],
    private readonly source: string,
    private readonly json: boolean,
    private readonly map: TemplateSourceMap,
  ) {}

  report(code: DiagnosticCode, message: string, path: (string | number)[], offset: number): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) return;
    const d = diagnostic(code, message, path);
    d.location = this.map.lines.locate(Math.max(offset, 0), this.map.file);
    this.diagnostics.push(d);
  }

  private limit(code: DiagnosticCode, message: string, path: (string | number)[], offset: number): LimitReached {
    const d = diagnostic(code, message, path);
    d.location = this.map.lines.locate(Math.max(offset, 0), this.map.file);
    return new LimitReached(d);
  }

  /** Builds the node at `this.at`, leaves `this.at` on its last event. */
  node(path: (string | number)[], pointer: string, depth: number): Json {
    const index = this.at;
    const e = this.events[index];
    if (this.replaying > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      const site = this.aliasSite;
      throw this.limit('parse/alias-limit', `aliases expand to more than ${MAX_ALIAS_NODES} nodes; refusing to expand further`, site.path, site.offset);
    }
    if (depth > MAX_DEPTH) {
      // The parser bounds the text's own nesting; past it only an alias can go deeper: report the alias.
      const site = this.replaying > 0 ? this.aliasSite : { path, offset: nodeOffset(e) };
      throw this.limit('parse/too-deep', `mappings and lists are nested more than ${MAX_DEPTH} deep`, site.path, site.offset);
    }
    const offset = nodeOffset(e);
    if (offset >= 0) this.map.setValue(pointer, offset);
    switch (e.type) {
      case EVENT_ID.ALIAS:
        return this.alias(index, path, pointer, depth);
      case EVENT_ID.SCALAR:
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const anchor = this.replaying === 0 && e.anchorStart >= 0 ? this.source.slice(e.anchorStart, e.anchorEnd) : undefined;
        if (anchor !== undefined) this.anchors.set(anchor, { index, done: false });
        const value = this.tagged(e, path, pointer, depth);
        if (anchor !== undefined) this.anchors.set(anchor, { index, done: true });
        return value;
      }
      default:
        throw new Error(`bug: a node was expected at event ${index}, found event type ${e.type}`);
    }
  }

  private alias(index: number, path: (string | number)[], pointer: string, depth: number): Json {
    const e = this.events[index];
    if (e.type !== EVENT_ID.ALIAS) throw new Error('bug: alias expected');
    let target = this.aliasTargets.get(index);
    if (target === undefined) {
      const name = this.source.slice(e.anchorStart, e.anchorEnd);
      const anchor = this.anchors.get(name);
      if (anchor === undefined) {
        this.report('parse/alias', `the alias *${name} refers to no anchor &${name} defined before it`, path, e.anchorStart - 1);
        return null;
      }
      if (!anchor.done) {
        this.report('parse/alias', `the alias *${name} is inside the node it refers to (a recursive structure has no JSON form)`, path, e.anchorStart - 1);
        return null;
      }
      target = anchor.index;
      this.aliasTargets.set(index, target);
    }
    const resume = this.at;
    if (this.replaying === 0) this.aliasSite = { path, offset: e.anchorStart - 1 };
    this.at = target;
    this.replaying++;
    try {
      return this.node(path, pointer, depth);
    } finally {
      this.replaying--;
      this.at = resume;
      // The copy's own position is the alias (its children point into the anchored node).
      this.map.setValue(pointer, e.anchorStart - 1);
    }
  }

  private tagged(e: NodeEvent, path: (string | number)[], pointer: string, depth: number): Json {
    if (e.tagStart < 0) return this.untagged(e, path, pointer, depth);
    const spelling = this.source.slice(e.tagStart, e.tagEnd);
    const tag = classifyTag(spelling);
    switch (tag.kind) {
      case 'non-specific':
        return e.type === EVENT_ID.SCALAR ? getScalarValue(this.source, e) : this.untagged(e, path, pointer, depth);
      case 'intrinsic': {
        if (!KNOWN_TAGS.has(tag.name)) {
          this.report('parse/unknown-tag', `!${tag.name} is not a CloudFormation intrinsic function; it is read as Fn::${tag.name}`, path, e.tagStart);
        }
        const key = intrinsicKey(tag.name);
        const innerPointer = pointer + escapeSegment(key);
        this.map.setKey(innerPointer, e.tagStart);
        const contentStart = e.type === EVENT_ID.SCALAR ? e.valueStart : e.start;
        if (contentStart >= 0) this.map.setValue(innerPointer, contentStart);
        let inner: Json;
        if (e.type === EVENT_ID.SCALAR) {
          const text = getScalarValue(this.source, e);
          inner = tag.name === 'GetAtt' ? splitGetAtt(text) : text;
        } else {
          inner = this.untagged(e, [...path, key], innerPointer, depth + 1);
        }
        const wrapper: JsonObject = {};
        setOwn(wrapper, key, inner);
        return wrapper;
      }
      case 'standard':
        return this.standard(tag.name, spelling, e, path, pointer, depth);
      case 'unsupported':
        this.report('parse/unsupported-value', `the tag ${spelling} is not one CloudFormation reads; use a !Name intrinsic or no tag`, path, e.tagStart);
        this.skip(e);
        return null;
    }
  }

  /** `!!str`, `!!int`, … : YAML's own tags, as PyYAML's SafeLoader reads them. */
  private standard(name: string, spelling: string, e: NodeEvent, path: (string | number)[], pointer: string, depth: number): Json {
    if (e.type === EVENT_ID.SCALAR) {
      const text = getScalarValue(this.source, e);
      if (name === 'str' || name === 'timestamp') return text;
      if (name === 'int' || name === 'float' || name === 'bool' || name === 'null') {
        const value = this.scalarResult(resolveExplicit(name, text), path, e);
        if (name === 'float' && typeof value === 'number') this.map.markFloat(toPointer(path));
        return value;
      }
    } else if ((name === 'map' && e.type === EVENT_ID.MAPPING) || (name === 'seq' && e.type === EVENT_ID.SEQUENCE)) {
      return this.untagged(e, path, pointer, depth);
    }
    this.report('parse/unsupported-value', `${spelling} values have no JSON form; CloudFormation cannot read them`, path, e.tagStart);
    this.skip(e);
    return null;
  }

  private scalarResult(result: ScalarValue, path: (string | number)[], e: ScalarEvent): Json {
    if (result.ok) return result.value;
    this.report('parse/unsupported-value', result.message, path, nodeOffset(e));
    return null;
  }

  private untagged(e: NodeEvent, path: (string | number)[], pointer: string, depth: number): Json {
    switch (e.type) {
      case EVENT_ID.SCALAR:
        return this.scalar(e, path);
      case EVENT_ID.SEQUENCE:
        return this.sequence(path, pointer, depth);
      case EVENT_ID.MAPPING:
        return this.mapping(path, pointer, depth);
    }
  }

  private scalar(e: ScalarEvent, path: (string | number)[]): Json {
    const text = getScalarValue(this.source, e);
    if (e.style !== SCALAR_STYLE.PLAIN) return text;
    const value = this.scalarResult(this.json ? resolvePlainJson(text) : resolvePlainYaml11(text), path, e);
    if (typeof value === 'number' && isFloatText(text, this.json)) this.map.markFloat(toPointer(path));
    return value;
  }

  private sequence(path: (string | number)[], pointer: string, depth: number): Json[] {
    const items: Json[] = [];
    for (this.at++; this.events[this.at].type !== EVENT_ID.POP; this.at++) {
      const index = items.length;
      items.push(this.node([...path, index], `${pointer}/${index}`, depth + 1));
    }
    return items;
  }

  private mapping(path: (string | number)[], pointer: string, depth: number): JsonObject {
    const mappingOffset = nodeOffset(this.events[this.at]);
    const explicit: [string, Json][] = [];
    const merged: [string, Json][] = [];
    const seen = new Set<string>();
    for (this.at++; this.events[this.at].type !== EVENT_ID.POP; this.at++) {
      const keyEvent = this.events[this.at];
      const keyOffset = nodeOffset(keyEvent);
      const key = this.key(path, keyOffset);
      this.at++;
      if (key === MERGE) {
        merged.push(...this.mergeSource(path, keyOffset, depth));
        continue;
      }
      if (key === undefined) {
        this.skip(this.events[this.at]);
        continue;
      }
      const childPointer = pointer + escapeSegment(key);
      if (seen.has(key)) {
        this.report('parse/duplicate-key', `the key "${key}" appears twice in this mapping; CloudFormation refuses duplicate keys`, [...path, key], keyOffset);
        this.skip(this.events[this.at]);
        continue;
      }
      seen.add(key);
      if (keyOffset >= 0) this.map.setKey(childPointer, keyOffset);
      const valueEvent = this.events[this.at];
      const value = this.node([...path, key], childPointer, depth + 1);
      if (nodeOffset(valueEvent) < 0 && keyOffset >= 0) this.map.setValue(childPointer, keyOffset);
      explicit.push([key, value]);
    }
    const out: JsonObject = {};
    // PyYAML: merged pairs first (later `<<` keys and earlier list items win), then the mapping's own
    // pairs; a later pair overwrites the value and keeps the first one's position.
    for (const [key, value] of merged) {
      setOwn(out, key, value);
      if (mappingOffset >= 0 && !this.map.hasValue(pointer + escapeSegment(key))) this.map.setValue(pointer + escapeSegment(key), mappingOffset);
    }
    for (const [key, value] of explicit) setOwn(out, key, value);
    return out;
  }

  /**
   * A mapping key at `this.at` → its text. MERGE for a plain `<<` in YAML; undefined (reported) for a key
   * that is not a scalar. Leaves `this.at` on the key's last event.
   */
  private key(path: (string | number)[], offset: number): string | typeof MERGE | undefined {
    let e = this.events[this.at];
    if (e.type === EVENT_ID.ALIAS) {
      const target = this.resolveAliasIndex(this.at);
      const resolved = target === undefined ? undefined : this.events[target];
      if (resolved === undefined || resolved.type !== EVENT_ID.SCALAR) {
        if (resolved !== undefined) this.report('parse/complex-key', 'a mapping key is an alias of a list or mapping; keys must be plain strings', path, offset);
        return undefined;
      }
      e = resolved;
    } else if (e.type !== EVENT_ID.SCALAR) {
      this.report('parse/complex-key', 'a mapping key is a list or a mapping; keys must be plain strings', path, offset);
      this.skip(e);
      return undefined;
    } else if (this.replaying === 0 && e.anchorStart >= 0) {
      this.anchors.set(this.source.slice(e.anchorStart, e.anchorEnd), { index: this.at, done: true });
    }
    const text = getScalarValue(this.source, e);
    if (e.tagStart >= 0) {
      const tag = classifyTag(this.source.slice(e.tagStart, e.tagEnd));
      if (tag.kind === 'non-specific' || (tag.kind === 'standard' && tag.name === 'str')) return text;
      this.report('parse/complex-key', `a mapping key has the tag ${this.source.slice(e.tagStart, e.tagEnd)}; keys must be plain strings`, path, offset);
      return undefined;
    }
    if (e.style !== SCALAR_STYLE.PLAIN) return text;
    if (!this.json && text === '<<') return MERGE;
    const resolved = this.json ? resolvePlainJson(text) : resolvePlainYaml11(text);
    return resolved.ok ? keyText(resolved.value) : text;
  }

  private resolveAliasIndex(index: number): number | undefined {
    const known = this.aliasTargets.get(index);
    if (known !== undefined) return known;
    const e = this.events[index];
    if (e.type !== EVENT_ID.ALIAS) return undefined;
    const name = this.source.slice(e.anchorStart, e.anchorEnd);
    const anchor = this.anchors.get(name);
    if (anchor === undefined || !anchor.done) {
      this.report('parse/alias', `the alias *${name} refers to no anchor &${name} defined before it`, [], e.anchorStart - 1);
      return undefined;
    }
    this.aliasTargets.set(index, anchor.index);
    return anchor.index;
  }

  /** The pairs a `<<` value brings: a mapping, or a list of mappings (earlier ones win, as in PyYAML). */
  private mergeSource(path: (string | number)[], keyOffset: number, depth: number): [string, Json][] {
    const valueOffset = nodeOffset(this.events[this.at]);
    // Built under a scratch pointer: the merged keys get the mapping's position, not the source's.
    const value = this.node(path, '\u0000merge', depth + 1);
    const sources = Array.isArray(value) ? value : [value];
    const pairs: [string, Json][] = [];
    for (const source of sources) {
      if (source === null || typeof source !== 'object' || Array.isArray(source)) {
        this.report('parse/syntax', 'a merge key (<<) needs a mapping or a list of mappings', path, valueOffset >= 0 ? valueOffset : keyOffset);
        return [];
      }
      pairs.unshift(...Object.entries(source));
    }
    return pairs;
  }

  /** Moves `this.at` to the last event of the node that starts at `e` (at `this.at`), building nothing. */
  private skip(e: Event): void {
    if (e.type !== EVENT_ID.SEQUENCE && e.type !== EVENT_ID.MAPPING) return;
    let open = 0;
    for (; this.at < this.events.length; this.at++) {
      const t = this.events[this.at].type;
      if (t === EVENT_ID.SEQUENCE || t === EVENT_ID.MAPPING) open++;
      else if (t === EVENT_ID.POP && --open === 0) return;
    }
  }
}

const MERGE = Symbol('merge');
