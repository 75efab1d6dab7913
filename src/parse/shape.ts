import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import type { JsonObject } from '../model/json';
import { isObject } from '../model/json';

/**
 * The template-level checks SAM makes before anything else: the root is a mapping and `Resources` is a
 * non-empty mapping (SAM: "'Resources' section is required"). Shared by the parser and the macro handler,
 * whose fragment was never parsed by us. No js-yaml here: the Lambda bundle imports this file.
 */
export function checkTemplateShape(value: unknown): { ok: true; template: JsonObject } | { ok: false; diagnostics: Diagnostic[] } {
  if (!isObject(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return { ok: false, diagnostics: [diagnostic('template/not-a-mapping', `the template is ${found}, not a mapping of sections (Resources, Parameters, …)`, [])] };
  }
  if (!Object.hasOwn(value, 'Resources') || value.Resources === undefined) {
    return { ok: false, diagnostics: [diagnostic('template/no-resources', 'the template has no Resources section; SAM requires one', [])] };
  }
  if (value.Resources === null) {
    return { ok: false, diagnostics: [diagnostic('template/no-resources', 'the Resources section is empty; SAM requires at least one resource', ['Resources'])] };
  }
  const resources = value.Resources;
  if (!isObject(resources)) {
    const found = Array.isArray(resources) ? 'a list' : `a ${typeof resources}`;
    return { ok: false, diagnostics: [diagnostic('template/resources-not-a-mapping', `Resources is ${found}; it must be a mapping of logical ids to resources`, ['Resources'])] };
  }
  if (Object.keys(resources).length === 0) {
    return { ok: false, diagnostics: [diagnostic('template/no-resources', 'the Resources section is empty; SAM requires at least one resource', ['Resources'])] };
  }
  return { ok: true, template: value };
}
