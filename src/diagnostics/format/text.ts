import type { Json, JsonPath } from '../../model/json';
import { fromPointer } from '../../model/json';
import type { SourceLocation, SourceMap } from '../../model/source';
import type { Diagnostic } from '../types';

/**
 * Diagnostics as compiler-style text, one per finding:
 *
 *   template.yaml:12:9: error sam/invalid-auth DefaultAuthorizer names no authorizer
 *      12 |         DefaultAuthorizer: MyAuth
 *         |                            ^
 *
 * The location is the diagnostic's own (parse errors carry one) or found through the SourceMap from its
 * JSON path: the value for a scalar, the key for a mapping or list (its value starts on a later line).
 */
export interface TextFormatOptions {
  /** Shown when a diagnostic has no location; defaults to the location's file. */
  file?: string;
  sourceMap?: SourceMap;
  /** The parsed template, to tell scalars from collections when choosing value or key position. */
  template?: Json;
  /** Source line by 1-based number, for the excerpt with a caret; no excerpt without it. */
  sourceLine?: (line: number) => string | undefined;
}

/** Codes about a key itself (a misspelt property): they point at the key, not at its value. */
const KEY_CODES: ReadonlySet<string> = new Set(['schema/unknown-property', 'schema/ignored-property']);

export function locateDiagnostic(d: Diagnostic, sourceMap?: SourceMap, template?: Json): SourceLocation | undefined {
  if (d.location) return d.location;
  if (!sourceMap) return undefined;
  const path: JsonPath = fromPointer(d.path);
  if (KEY_CODES.has(d.code) || isCollection(valueAt(template, path))) return sourceMap.locateKey(path) ?? sourceMap.locate(path);
  return sourceMap.locate(path) ?? sourceMap.locateKey(path);
}

export function formatDiagnostic(d: Diagnostic, options: TextFormatOptions = {}): string {
  const loc = locateDiagnostic(d, options.sourceMap, options.template);
  const file = loc?.file ?? options.file;
  const where = [file, loc?.line, loc?.column].filter((p) => p !== undefined).join(':');
  const head = `${where === '' ? '' : where + ': '}${d.severity} ${d.code} ${d.message}`;
  const pathNote = loc === undefined && d.path !== '' ? ` (at ${d.path})` : '';
  const excerpt = loc && options.sourceLine ? caretExcerpt(loc, options.sourceLine(loc.line)) : '';
  return head + pathNote + excerpt;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: TextFormatOptions = {}): string {
  return diagnostics.map((d) => formatDiagnostic(d, options) + '\n').join('');
}

/** The source line and a caret under the column; long lines are cut around the column. */
function caretExcerpt(loc: SourceLocation, line: string | undefined): string {
  if (line === undefined) return '';
  const width = 120;
  let text = line.replace(/\t/g, ' ');
  let column = loc.column;
  if (text.length > width) {
    const start = Math.max(0, Math.min(column - 1 - width / 2, text.length - width));
    text = (start > 0 ? '…' : '') + text.slice(start, start + width) + (start + width < line.length ? '…' : '');
    column = column - start + (start > 0 ? 1 : 0);
  }
  const gutter = String(loc.line);
  const pad = ' '.repeat(gutter.length);
  return `\n  ${gutter} | ${text}\n  ${pad} | ${' '.repeat(Math.max(0, column - 1))}^`;
}

function valueAt(root: Json | undefined, path: JsonPath): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) node = node[Number(segment)];
    else node = Object.hasOwn(node, segment) ? node[String(segment)] : undefined;
  }
  return node;
}

function isCollection(value: Json | undefined): boolean {
  return value !== null && typeof value === 'object';
}
