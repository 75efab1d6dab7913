import type { Diagnostic } from '../types';

/**
 * Diagnostics as a JSON array, one object per finding with a fixed key order:
 * `{ file, line, column, severity, code, message, path, resource }` (line/column 1-based; absent when the
 * finding has no location). Meant for scripts: stable, one value, newline-terminated.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map((d) => {
    const row: Record<string, string | number> = {};
    if (d.location?.file !== undefined) row.file = d.location.file;
    if (d.location) {
      row.line = d.location.line;
      row.column = d.location.column;
    }
    row.severity = d.severity;
    row.code = d.code;
    row.message = d.message;
    row.path = d.path;
    if (d.resource !== undefined) row.resource = d.resource;
    return row;
  });
  return JSON.stringify(rows, null, 2) + '\n';
}
