/**
 * Template text → template, as CloudFormation and SAM read it.
 *
 *   parseTemplate(text | bytes, file?) →
 *     { ok: true,  template, sourceMap, diagnostics }   diagnostics: warnings only (e.g. parse/unknown-tag)
 *     { ok: false, diagnostics }                         at least one error, each with a `location`
 *
 * - YAML (1.1 scalars, as PyYAML/CloudFormation read them) or JSON (detected: the text parses as JSON).
 * - Short-form tags become long-form intrinsics exactly as SAM's yaml_parse does (see tags.ts).
 * - `sourceMap.locate(path)` / `locateKey(path)` give the 1-based line:column of any value / key.
 * - Hostile input is refused with a located diagnostic, never an exception: see limits.ts and the
 *   parse/* and template/* codes in src/diagnostics/codes/parse.ts.
 * - The template is plain data: objects with Object.prototype, keys in source order (JavaScript puts
 *   integer-like keys such as "200" first), `__proto__` kept as an own property.
 */
import type { Event } from 'js-yaml';
import { parseEvents } from 'js-yaml';
import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import type { JsonObject } from '../model/json';
import type { SourceMap } from '../model/source';
import { compose } from './compose';
import { decodeTemplate } from './decode';
import { MAX_DEPTH, MAX_TEMPLATE_BYTES } from './limits';
import { checkTemplateShape } from './shape';
import { LineIndex, TemplateSourceMap } from './source-map';

export type ParseResult =
  | { ok: true; template: JsonObject; sourceMap: TemplateSourceMap; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; sourceMap?: TemplateSourceMap };

export type { SourceMap };
export { TemplateSourceMap, LineIndex } from './source-map';
export { checkTemplateShape } from './shape';

export function parseTemplate(input: string | Uint8Array, file?: string): ParseResult {
  const at = (line: number, column: number) => (file === undefined ? { line, column } : { file, line, column });
  const decoded = decodeTemplate(input);
  if (!decoded.ok) {
    const f = decoded.failure;
    const d =
      f.kind === 'too-large'
        ? diagnostic('parse/too-large', `the file is ${f.bytes} bytes; templates over ${MAX_TEMPLATE_BYTES} bytes (10 MB) are refused`, [])
        : diagnostic('parse/encoding', f.message, []);
    d.location = f.kind === 'too-large' ? at(1, 1) : at(f.line, f.column);
    return { ok: false, diagnostics: [d] };
  }
  const text = decoded.text;
  const lines = new LineIndex(text);
  const sourceMap = new TemplateSourceMap(lines, file);
  if (text.trim() === '') return { ok: false, diagnostics: [located(diagnostic('parse/empty', 'the file is empty', []), at(1, 1))], sourceMap };

  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    return { ok: false, diagnostics: [syntaxDiagnostic(error, lines, file)], sourceMap };
  }
  const composed = compose(events, text, looksLikeJson(text), sourceMap);
  const errors = composed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: composed.diagnostics, sourceMap };
  if (composed.value === undefined || composed.value === null) {
    const what = composed.value === undefined ? 'holds only comments' : 'holds an empty document';
    return { ok: false, diagnostics: [located(diagnostic('parse/empty', `the file ${what}: there is no template`, []), at(1, 1))], sourceMap };
  }
  const shape = checkTemplateShape(composed.value);
  if (!shape.ok) {
    for (const d of shape.diagnostics) {
      const path = d.path === '/Resources' ? ['Resources'] : [];
      d.location = (path.length > 0 ? sourceMap.locateKey(path) : undefined) ?? sourceMap.locate(path) ?? at(1, 1);
    }
    return { ok: false, diagnostics: [...composed.diagnostics, ...shape.diagnostics], sourceMap };
  }
  return { ok: true, template: shape.template, sourceMap, diagnostics: composed.diagnostics };
}

function located(d: Diagnostic, location: Diagnostic['location']): Diagnostic {
  d.location = location;
  return d;
}

/**
 * A JSON template reads its numbers the JSON way (`1e5` is a number; YAML 1.1 would keep it text). Every
 * JSON text is YAML too, so JSON detection only decides how plain scalars are typed.
 */
function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function syntaxDiagnostic(error: unknown, lines: LineIndex, file: string | undefined): Diagnostic {
  const e = error as { reason?: unknown; mark?: { position?: unknown }; message?: unknown };
  const reason = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : String(error);
  const position = typeof e.mark?.position === 'number' ? e.mark.position : 0;
  const tooDeep = reason.startsWith('nesting exceeded maxDepth');
  const d = tooDeep
    ? diagnostic('parse/too-deep', `mappings and lists are nested more than ${MAX_DEPTH} deep`, [])
    : diagnostic('parse/syntax', reason, []);
  d.location = lines.locate(position, file);
  return d;
}
