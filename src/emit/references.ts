/**
 * `!Ref MyApi.Stage`, `MyApi.Deployment`, `MyApi.UsagePlan`, … are SAM's own references to what it generates.
 * Once an API is lowered SAM can no longer resolve them, so the lowering does, everywhere in the template.
 */
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';

/** `Api.Property` → logical id, for every lowered API. */
export type ReferenceTable = Map<string, string>;

function resolveSub(text: string, table: ReferenceTable): string {
  return text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
    const target = table.get(name);
    return target === undefined ? whole : '${' + target + '}';
  });
}

export function resolveReferences(value: Json, table: ReferenceTable): Json {
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, table));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string') {
    const target = table.get(value.Ref);
    return target === undefined ? value : { Ref: target };
  }
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const sub = value['Fn::Sub'];
    if (typeof sub === 'string') return { 'Fn::Sub': resolveSub(sub, table) };
    if (Array.isArray(sub) && typeof sub[0] === 'string') {
      return { 'Fn::Sub': [resolveSub(sub[0], table), ...sub.slice(1).map((v) => resolveReferences(v, table))] };
    }
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolveReferences(v, table);
  return out;
}
