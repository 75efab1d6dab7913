import { CODES, type DiagnosticCode } from '../codes/index';
import type { Diagnostic, Severity } from '../types';

/**
 * Diagnostics as a SARIF 2.1.0 log (what GitHub code scanning and most CI viewers read). Rule metadata
 * comes from the code table: summary, fix and default level. Only the rules that occur are listed, sorted,
 * so the same findings give the same bytes.
 */
export interface SarifOptions {
  /** The tool's version (package.json); left out when not given. */
  version?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const DOCS = 'https://github.com/sam-auth-macro/sam-auth-macro/blob/main/docs/diagnostics.md';

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions = {}): string {
  const ruleIds = [...new Set(diagnostics.map((d) => d.code))].sort();
  const index = new Map<DiagnosticCode, number>(ruleIds.map((id, i) => [id, i]));
  const driver: Record<string, unknown> = { name: 'sam-auth', informationUri: DOCS };
  if (options.version !== undefined) driver.version = options.version;
  driver.rules = ruleIds.map((id) => {
    const info = CODES[id];
    return {
      id,
      shortDescription: { text: info.summary },
      fullDescription: { text: info.summary },
      help: { text: `${info.fix}\n\nExample that triggers it:\n${info.example}` },
      helpUri: `${DOCS}#${anchor(id)}`,
      defaultConfiguration: { level: LEVEL[info.severity] },
    };
  });
  const results = diagnostics.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
    };
    const location: Record<string, unknown> = {};
    if (d.location?.file !== undefined) {
      const physical: Record<string, unknown> = { artifactLocation: { uri: toUri(d.location.file) } };
      physical.region = { startLine: d.location.line, startColumn: d.location.column };
      location.physicalLocation = physical;
    }
    const logical: Record<string, unknown> = { fullyQualifiedName: d.path === '' ? '/' : d.path, kind: 'element' };
    location.logicalLocations = [logical];
    result.locations = [location];
    return result;
  });
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ tool: { driver }, results }] };
  return JSON.stringify(log, null, 2) + '\n';
}

/** docs/diagnostics.md heading anchor of a code, as GitHub makes it: `rules/ttl-out-of-range` → `rulesttl-out-of-range`. */
export function anchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

/** A relative path as a URI reference: forward slashes, characters SARIF viewers choke on escaped. */
function toUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map((part) => encodeURIComponent(part)).join('/');
}
