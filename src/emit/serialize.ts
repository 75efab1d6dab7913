import type { Json } from '../model/json';

export type OutputFormat = 'json' | 'yaml';

/**
 * A template → text. Deterministic: keys in the order the objects hold them (input order for the parts the
 * transform did not touch), 2-space indent, a final newline.
 * - json: JSON.stringify, 2-space indent.
 * - yaml: block style, intrinsics in long form (`Ref:`, `Fn::GetAtt:`), no anchors (shared objects are
 *   written out), no line folding. Strings that YAML 1.1 or 1.2 would read as something else (`yes`,
 *   `010`, `2012-10-17`, `<<`, …) are quoted, so parseTemplate reads back exactly the same value.
 * js-yaml is loaded only for yaml, so JSON output (the CLI default) stays light.
 */
export function serialize(template: Json, format: OutputFormat = 'json'): string {
  if (format === 'json') return JSON.stringify(template, null, 2) + '\n';
  const yaml = require('js-yaml') as typeof import('js-yaml');
  // DUMP_SCHEMA (the default) quotes every string that either YAML 1.1 or 1.2 would type.
  return yaml.dump(template, { noRefs: true, lineWidth: -1, indent: 2 });
}
