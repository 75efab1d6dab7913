import type { Severity } from '../types';

/**
 * What docs/diagnostics.md and SARIF rule metadata say about one diagnostic code: a summary, an example that
 * triggers it and the fix. Each area has two tables: `<area>.ts` gives every code its severity (all the
 * pure phases and the Lambda need), `docs/<area>.ts` its text (only the docs generator and SARIF read it).
 * The docs table is typed by the severity table's codes, so a code missing from either fails to compile.
 */
export interface CodeDocs {
  /** One line: what is wrong. */
  summary: string;
  /** A small template fragment (YAML) that triggers the code. */
  example: string;
  /** How to fix it. */
  fix: string;
}

/** Everything about one code: its severity and its docs. */
export interface CodeInfo extends CodeDocs {
  severity: Severity;
}
