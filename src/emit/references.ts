/**
 * `!Ref MyApi.Stage`, `MyApi.Deployment`, `MyApi.UsagePlan`, … are SAM's own references to what it generates.
 * Once an API is lowered SAM can no longer resolve them, so the lowering does, everywhere in the template.
 */
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';

/** `Api.Property` → logical id, for every lowered API. */
export type ReferenceTable = Map<string, string>;

/**
 * `${Api.Stage}`-style names in a Fn::Sub string resolved (as the pattern /\$\{([^}!][^}]*)\}/g would find
 * them: `${!Literal}` and `${}` are not names), by a scan that builds a new string only when one resolves.
 */
function resolveSub(text: string, table: ReferenceTable): string {
  let out = '';
  let done = 0;
  let at = text.indexOf('${');
  while (at >= 0) {
    const close = text.indexOf('}', at + 2);
    if (close < 0) break;
    if (close > at + 2 && text.charCodeAt(at + 2) !== 0x21 /* ! */) {
      const target = table.get(text.slice(at + 2, close));
      if (target !== undefined) {
        out += text.slice(done, at) + '${' + target + '}';
        done = close + 1;
      }
      at = text.indexOf('${', close + 1);
    } else at = text.indexOf('${', at + 1);
  }
  return done === 0 ? text : out + text.slice(done);
}

/**
 * `value` with every reference in `table` resolved. What holds none is returned as it is (not copied): the
 * template keeps its own objects where nothing changes.
 */
export function resolveReferences(value: Json, table: ReferenceTable): Json {
  if (Array.isArray(value)) return resolveItems(value, 0, table) ?? value;
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string') {
    const target = table.get(value.Ref);
    return target === undefined ? value : { Ref: target };
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const sub = value['Fn::Sub'];
    if (typeof sub === 'string') {
      const resolved = resolveSub(sub, table);
      return resolved === sub ? value : { 'Fn::Sub': resolved };
    }
    if (Array.isArray(sub) && typeof sub[0] === 'string') {
      const first = resolveSub(sub[0], table);
      const rest = resolveItems(sub, 1, table);
      if (first === sub[0] && rest === undefined) return value;
      return { 'Fn::Sub': [first, ...(rest ?? sub.slice(1))] };
    }
  }
  let out: JsonObject | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = value[key] as Json;
    const resolved = resolveReferences(item, table);
    if (out === undefined && resolved !== item) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j] as string] = value[keys[j] as string] as Json;
    }
    if (out !== undefined) out[key] = resolved;
  }
  return out ?? value;
}

/** `items[from..]` resolved, or undefined when that changes nothing. */
function resolveItems(items: Json[], from: number, table: ReferenceTable): Json[] | undefined {
  let out: Json[] | undefined;
  for (let i = from; i < items.length; i++) {
    const item = items[i] as Json;
    const resolved = resolveReferences(item, table);
    if (out === undefined && resolved !== item) out = items.slice(from, i);
    if (out !== undefined) out.push(resolved);
  }
  return out;
}
