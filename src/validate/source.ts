import { locateDiagnostic } from '../diagnostics/format/text';
import type { Diagnostic } from '../diagnostics/types';
import { fromPointer, type JsonObject } from '../model/json';
import { parseTemplate } from '../parse/index';
import { transform } from '../transform';
import { checkSchema } from './schema/check';

const KEY_CODES: ReadonlySet<string> = new Set(['schema/unknown-property', 'schema/ignored-property']);

/**
 * Every finding about one template, as `sam-auth validate` reports it: parse problems, then what the
 * transform core finds (normalize, the schema check and rules, SAM's own errors from the lowering), plus
 * the schema check when the transform stopped before it. Each diagnostic gets its file:line:col.
 * Pure: the caller reads the bytes.
 */
export function validateSource(input: string | Uint8Array, file: string): Diagnostic[] {
  const parsed = parseTemplate(input, file);
  if (!parsed.ok) return sortByLocation(parsed.diagnostics.map((d) => withFile(d, file)));
  const found = [...parsed.diagnostics, ...validateTemplate(parsed.template)];
  return sortByLocation(
    found.map((d) => {
      // An unknown property is the key itself: point at it, not at its value.
      const location = KEY_CODES.has(d.code)
        ? (d.location ?? parsed.sourceMap.locateKey(fromPointer(d.path)) ?? locateDiagnostic(d, parsed.sourceMap, parsed.template))
        : locateDiagnostic(d, parsed.sourceMap, parsed.template);
      return withFile(location ? { ...d, location } : d, file);
    }),
  );
}

/** The findings about a parsed template: transform's diagnostics, completed by the schema check. */
export function validateTemplate(template: JsonObject): Diagnostic[] {
  const result = transform(template);
  const seen = new Set(result.diagnostics.map((d) => `${d.code}\u0000${d.path}`));
  const errorPaths = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path));
  // When normalize already refused the template, validate() never ran: add the schema findings it would
  // have given, except where an error already points at the same place.
  const schema = checkSchema(template).filter((d) => !seen.has(`${d.code}\u0000${d.path}`) && !errorPaths.has(d.path));
  return [...result.diagnostics, ...schema];
}

function withFile(d: Diagnostic, file: string): Diagnostic {
  if (d.location && d.location.file === undefined) return { ...d, location: { ...d.location, file } };
  return d;
}

/** By line and column (unlocated last, by path), then code: the order a reader scans a file in. */
function sortByLocation(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const la = a.d.location;
      const lb = b.d.location;
      if (la && lb) return la.line - lb.line || la.column - lb.column || a.d.code.localeCompare(b.d.code) || a.i - b.i;
      if (la) return -1;
      if (lb) return 1;
      return comparePaths(a.d.path, b.d.path) || a.i - b.i;
    })
    .map(({ d }) => d);
}

function comparePaths(a: string, b: string): number {
  const pa = fromPointer(a).join('\u0000');
  const pb = fromPointer(b).join('\u0000');
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
