import type { Severity } from '../types';

/**
 * What the code table says about one diagnostic code. docs/diagnostics.md and SARIF rule metadata are
 * generated from these entries, so every code carries a summary, an example that triggers it and the fix.
 */
export interface CodeInfo {
  severity: Severity;
  /** One line: what is wrong. */
  summary: string;
  /** A small template fragment (YAML) that triggers the code. */
  example: string;
  /** How to fix it. */
  fix: string;
}
