import { diagnostic } from '../../diagnostics/make';
import type { DiagnosticCode } from '../../diagnostics/codes/index';
import type { Diagnostic } from '../../diagnostics/types';
import { fromPointer, isObject, type JsonObject, type JsonPath } from '../../model/json';
import type { SchemaError } from './validators';

/** Where a validated value sits in the template, and how messages name it. */
export interface SchemaTarget {
  /** Template path of the validated value, e.g. ['Resources', 'MyApi', 'Properties', 'Auth']. */
  path: JsonPath;
  /** How messages name the value, e.g. `Auth` or `Globals.ApiAuthorizer`. */
  label: string;
  resource?: string;
}

/** Keywords that combine subschemas: ajv reports their branches' errors before them. */
const UMBRELLAS = new Set(['anyOf', 'oneOf', 'not']);
/** Branch errors that say the type was right but the value was not. */
const VALUE_KEYWORDS = new Set(['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'minLength', 'enum', 'const', 'format', 'not']);

/**
 * Turns ajv errors into our diagnostics: one per problem, located by a JSON pointer into the template,
 * worded from the schema's annotations (`x-expect`, `x-expect-parent` on a list's items, `x-name`, `x-needs`). No ajv text reaches a user.
 */
export function translateSchemaErrors(errors: readonly SchemaError[], target: SchemaTarget): Diagnostic[] {
  const kept = unknownBeforeMissing(dropBranchErrors(errors));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { error, branchKeywords } of kept) {
    const d = toDiagnostic(error, branchKeywords, target);
    if (!d) continue;
    const key = `${d.path}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

interface KeptError {
  error: SchemaError;
  /** Keywords of the branch errors an umbrella error stands for. */
  branchKeywords: Set<string>;
}

/**
 * An anyOf/oneOf/not error stands for the errors of its branches, which ajv lists just before it at the same
 * instance path or below. Walking from the end, each umbrella looks at that contiguous run:
 * - if some branch failed deeper inside the value (the value had the branch's type, a part of it is wrong),
 *   that branch is the one the user meant: keep its deeper errors, drop the umbrella and the other branches;
 * - otherwise the value fits no branch: keep the umbrella alone, worded by the schema's `x-expect`.
 * Nested umbrellas fold the same way, so the user reads one message per problem.
 */
function dropBranchErrors(errors: readonly SchemaError[]): KeptError[] {
  const dropped = new Set<number>();
  const branchKeywords = new Map<number, Set<string>>();
  for (let i = errors.length - 1; i >= 0; i--) {
    const e = errors[i];
    if (dropped.has(i) || !UMBRELLAS.has(e.keyword)) continue;
    const run: number[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const b = errors[j];
      if (dropped.has(j) || !isAtOrBelow(b.instancePath, e.instancePath)) break;
      // an unknown key of the object that holds this value's parent is a sibling problem, not a branch
      if (b.keyword === 'additionalProperties' && b.instancePath === e.instancePath) break;
      run.push(j);
    }
    const deeper = run.some((j) => errors[j].instancePath !== e.instancePath);
    if (deeper) {
      dropped.add(i);
      for (const j of run) if (errors[j].instancePath === e.instancePath) dropped.add(j);
      continue;
    }
    const keywords = new Set<string>(e.keyword === 'not' ? ['not'] : []);
    for (const j of run) {
      dropped.add(j);
      keywords.add(errors[j].keyword);
    }
    branchKeywords.set(i, keywords);
  }
  const kept: KeptError[] = [];
  errors.forEach((error, i) => {
    if (!dropped.has(i) && error.keyword !== 'if') kept.push({ error, branchKeywords: branchKeywords.get(i) ?? new Set() });
  });
  return kept;
}

/**
 * A misspelt property is reported twice by a schema: unknown (`CreateUP`) and the one it was meant to be as
 * missing (`CreateUsagePlan`). The unknown key is what the user wrote and what SAM names ("Invalid property"),
 * and its "Did you mean" names the missing one: that one is dropped; other missing ones come after it.
 */
function unknownBeforeMissing(kept: KeptError[]): KeptError[] {
  const unknown = kept.filter((k) => k.error.keyword === 'additionalProperties');
  const guessed = new Set(unknown.map((k) => `${k.error.instancePath}\u0000${guessFor(k.error) ?? ''}`));
  const unknownAt = new Set(unknown.map((k) => k.error.instancePath));
  const isMissing = (k: KeptError) => k.error.keyword === 'required' && unknownAt.has(k.error.instancePath);
  const isGuessed = (k: KeptError) => isMissing(k) && guessed.has(`${k.error.instancePath}\u0000${String(k.error.params.missingProperty)}`);
  return [...kept.filter((k) => !isMissing(k)), ...kept.filter((k) => isMissing(k) && !isGuessed(k))];
}

/** The property an unknown key was probably meant to be: a known one spelt alike, or a missing required one it starts like. */
function guessFor(error: SchemaError): string | undefined {
  const parent = isObject(error.parentSchema) ? error.parentSchema : {};
  const name = String(error.params.additionalProperty);
  return closest(name, knownProperties(parent)) ?? missingWithPrefix(name, parent.required, error.data);
}

/** The properties a schema object names, in schema order. */
function knownProperties(schema: JsonObject): string[] {
  return isObject(schema.properties) ? Object.keys(schema.properties) : [];
}

/** True when the JSON pointer `path` is `ancestor` or inside it. */
export function isAtOrBelow(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

function toDiagnostic(error: SchemaError, branchKeywords: Set<string>, target: SchemaTarget): Diagnostic | undefined {
  const segments = fromPointer(error.instancePath);
  const path = [...target.path, ...segments];
  const subject = '`' + dotted(target.label, segments) + '`';
  const parent = isObject(error.parentSchema) ? error.parentSchema : {};
  const expect = typeof parent['x-expect'] === 'string' ? parent['x-expect'] : undefined;
  const make = (code: DiagnosticCode, message: string, at: JsonPath = path) => diagnostic(code, message, at, target.resource);
  const found = describeValue(error.data);
  // Most messages: what the value must be (the schema's `x-expect`, else worded from the keyword) and what it is.
  const mustBe = (code: DiagnosticCode, otherwise: string) => make(code, `${subject} must be ${expect ?? otherwise}; found ${found}.`);
  // An item of the wrong kind where the list itself is the mistake (`Authorizers` written as a list of maps,
  // `SourceVpcBlacklist` holding an intrinsic): name the list and what it must be, as SAM does; point at the item.
  const wrongItem = (listExpect: string) => {
    const index = segments[segments.length - 1];
    const list = '`' + dotted(target.label, segments.slice(0, -1)) + '`';
    return make('schema/wrong-type', `${list} must be ${listExpect}; found a list whose item [${index}] is ${found}.`);
  };

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const where = typeof parent['x-name'] === 'string' ? parent['x-name'] : dotted(target.label, segments);
      const guess = guessFor(error);
      const hint = guess ? ` Did you mean \`${guess}\`?` : ` Known properties: ${knownProperties(parent).join(', ')}.`;
      // SAM reads authorizers, Identity, event Auth and ResourcePolicy key by key and drops the rest silently.
      if (parent['x-unknown'] === 'ignored') {
        return make('schema/ignored-property', `SAM ignores unknown property \`${name}\` in ${where}.${hint}`, [...path, name]);
      }
      return make('schema/unknown-property', `Unknown property \`${name}\` in ${where}.${hint}`, [...path, name]);
    }
    case 'required':
      return make('schema/missing-property', `${subject} needs \`${String(error.params.missingProperty)}\`.`);
    case 'anyOf':
    case 'oneOf': {
      if (typeof parent['x-needs'] === 'string') {
        return make('schema/missing-property', `${subject} needs one of ${parent['x-needs']}.`);
      }
      const valueProblem = [...branchKeywords].some((k) => VALUE_KEYWORDS.has(k));
      if (!valueProblem && typeof parent['x-expect-parent'] === 'string') return wrongItem(parent['x-expect-parent']);
      return mustBe(valueProblem ? 'schema/invalid-value' : 'schema/wrong-type', 'a different kind of value');
    }
    case 'not':
      return mustBe('schema/invalid-value', 'a different value');
    case 'type':
      if (typeof parent['x-expect-parent'] === 'string') return wrongItem(parent['x-expect-parent']);
      return mustBe('schema/wrong-type', typeName(error.params.type));
    case 'enum':
    case 'const': {
      const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues.map(String).join(', ') : String(error.params.allowedValue);
      return mustBe('schema/invalid-value', 'one of: ' + allowed);
    }
    case 'minimum':
    case 'maximum':
      return mustBe('schema/invalid-value', `${String(error.params.comparison)} ${String(error.params.limit)}`);
    case 'minLength':
      return make('schema/invalid-value', `${subject} must not be empty.`);
    case 'minItems':
      return make('schema/invalid-value', `${subject} must list at least ${String(error.params.limit)} item(s).`);
    case 'minProperties':
    case 'maxProperties':
    case 'propertyNames':
    case 'pattern':
      return mustBe('schema/invalid', 'a valid value here');
    case 'format':
      return mustBe('schema/invalid-value', 'a valid ' + String(error.params.format));
    default:
      return make('schema/invalid', `${subject} is not valid here; it must be ${expect ?? 'what the schema describes'}.`);
  }
}

/** A required property missing from `data` that starts like the unknown `name` (`CreateUP` → `CreateUsagePlan`). */
function missingWithPrefix(name: string, required: unknown, data: unknown): string | undefined {
  if (!Array.isArray(required) || !isObject(data)) return undefined;
  const prefix = name.slice(0, Math.max(4, Math.ceil(name.length / 2))).toLowerCase();
  return required.find((r): r is string => typeof r === 'string' && !(r in data) && r.toLowerCase().startsWith(prefix));
}

/** `Auth` + ['Authorizers', 'A', 'Identity', 'Headers', '1'] → `Auth.Authorizers.A.Identity.Headers[1]`. */
function dotted(label: string, segments: readonly string[]): string {
  let out = label;
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : `.${s}`;
  return out;
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    object: 'a map',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
    null: 'null',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

/** How a message shows the value it found: short, and never the whole structure. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && /^(Ref|Condition|Fn::\w+)$/.test(keys[0])) {
      return `the intrinsic function !${keys[0].replace(/^Fn::/, '')}`;
    }
    return keys.length === 0 ? 'an empty map' : `a map (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})`;
  }
  return typeof value;
}

/** The known name nearest to a misspelt one (case-insensitive edit distance ≤ 3), if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.floor(name.length / 2)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
