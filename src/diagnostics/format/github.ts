import type { Diagnostic, Severity } from '../types';

/**
 * Diagnostics as GitHub Actions workflow commands, which the runner turns into annotations on the pull
 * request's diff: `::error file=template.yaml,line=12,col=9,title=rules/unknown-authorizer::message`.
 */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatOne(d) + '\n').join('');
}

function formatOne(d: Diagnostic): string {
  const props: string[] = [];
  if (d.location?.file !== undefined) props.push(`file=${escapeProperty(d.location.file)}`);
  if (d.location) props.push(`line=${d.location.line}`, `col=${d.location.column}`);
  props.push(`title=${escapeProperty(d.code)}`);
  const where = d.location ? '' : d.path === '' ? '' : ` (at ${d.path})`;
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message + where)}`;
}

/** The runner's escaping for the message part. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and for property values, where `:` and `,` separate fields. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
