import type { JsonPath } from '../model/json';
import { toPointer } from '../model/json';
import { SEVERITY, type DiagnosticCode } from './codes/severity';
import type { Diagnostic } from './types';

/** A diagnostic with the severity the code table gives it. */
export function diagnostic(code: DiagnosticCode, message: string, path: JsonPath, resource?: string): Diagnostic {
  const d: Diagnostic = { code, severity: SEVERITY[code], message, path: toPointer(path) };
  if (resource !== undefined) d.resource = resource;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
