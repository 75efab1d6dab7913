import type { SourceLocation } from '../model/source';
import type { DiagnosticCode } from './codes/index';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about a template. Errors are data: phases return these, never throw them.
 * `path` is a JSON pointer into the template (RFC 6901), `resource` the logical id it concerns.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  path: string;
  resource?: string;
  location?: SourceLocation;
}
