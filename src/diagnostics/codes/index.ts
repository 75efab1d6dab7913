import type { CodeDocs, CodeInfo } from './info';
import { SEVERITY, type DiagnosticCode } from './severity';
import { PARSE_DOCS } from './docs/parse';
import { LOWER_DOCS } from './docs/lower';
import { RULE_DOCS } from './docs/rules';
import { DIALECT_DOCS } from './docs/dialect';
import { LIMITS_DOCS } from './docs/limits';
import { POLICY_DOCS } from './docs/policy';

export type { CodeDocs, CodeInfo } from './info';
export type { DiagnosticCode } from './severity';

const DOCS: Record<DiagnosticCode, CodeDocs> = {
  ...PARSE_DOCS,
  ...LOWER_DOCS,
  ...RULE_DOCS,
  ...DIALECT_DOCS,
  ...LIMITS_DOCS,
  ...POLICY_DOCS,
};

/**
 * Every diagnostic code with its severity and its docs, in the order of the area tables. For docs and SARIF;
 * the phases need only the severity (./severity.ts), so the Lambda bundle carries none of this text.
 */
export const CODES: Readonly<Record<DiagnosticCode, CodeInfo>> = Object.fromEntries(
  (Object.keys(SEVERITY) as DiagnosticCode[]).map((code) => [code, { severity: SEVERITY[code], ...DOCS[code] }]),
) as Record<DiagnosticCode, CodeInfo>;
