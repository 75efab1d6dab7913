import type { Json, JsonObject } from '../model/json';

/** The name templates give the macro by default (macro-template.yaml's MacroName parameter). */
export const DEFAULT_MACRO_NAME = 'SamAuth';

/**
 * The template without our macro in its `Transform` section (a string or a list), so the result deploys
 * with plain SAM: `Transform: [SamAuth, AWS::Serverless-2016-10-31]` → `[AWS::Serverless-2016-10-31]`,
 * `Transform: SamAuth` → no Transform key. Other entries, including `{Name, Parameters}` ones, stay in
 * place. Returns the same object when there is nothing to drop; never mutates its input.
 */
export function withoutMacroTransform(template: JsonObject, macroName: string = DEFAULT_MACRO_NAME): JsonObject {
  if (!Object.hasOwn(template, 'Transform')) return template;
  const transform = template.Transform;
  let kept: Json | undefined;
  if (transform === macroName) kept = undefined;
  else if (Array.isArray(transform) && transform.includes(macroName)) {
    const rest = transform.filter((entry) => entry !== macroName);
    kept = rest.length === 0 ? undefined : rest;
  } else return template;
  const out: JsonObject = {};
  for (const key of Object.keys(template)) {
    if (key === 'Transform') {
      if (kept !== undefined) out.Transform = kept;
    } else {
      Object.defineProperty(out, key, { value: template[key], writable: true, enumerable: true, configurable: true });
    }
  }
  return out;
}
