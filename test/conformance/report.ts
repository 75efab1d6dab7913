/** `npm run conformance`: every SAM case, a table by feature tag, and the final figure on the last lines. */
import { loadManifest, runCase, type CaseResult } from './harness';

const manifest = loadManifest();
const results: CaseResult[] = manifest.map(runCase);
const byName = new Map(results.map((r) => [r.name, r]));

const tags = [...new Set(manifest.flatMap((c) => c.features))].sort();
const rows: string[][] = [['feature', 'cases', 'exact', 'equivalent', 'rejected', 'failing']];
for (const tag of tags) {
  const cases = manifest.filter((c) => c.features.includes(tag)).map((c) => byName.get(c.case) as CaseResult);
  rows.push([
    tag,
    String(cases.length),
    String(cases.filter((r) => r.tier === 'exact').length),
    String(cases.filter((r) => r.tier === 'equivalent').length),
    String(cases.filter((r) => r.tier === 'error-rejected').length),
    String(cases.filter((r) => r.tier === 'fail').length),
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) process.stdout.write(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ') + '\n');

process.stdout.write('\nFailing cases:\n');
for (const r of results.filter((x) => x.tier === 'fail')) process.stdout.write(`  ${r.name}: ${r.reason ?? ''}\n`);
const ok = results.filter((r) => r.kind === 'ok');
const errors = results.filter((r) => r.kind === 'error');
const exact = ok.filter((r) => r.tier === 'exact').length;
const equivalent = ok.filter((r) => r.tier === 'exact' || r.tier === 'equivalent').length;
const rejected = errors.filter((r) => r.tier === 'error-rejected').length;
const sameMessage = errors.filter((r) => r.sameMessage).length;
process.stdout.write(`\nok cases: ${exact}/${ok.length} exact, ${equivalent}/${ok.length} equivalent (exact included)\n`);
process.stdout.write(`error cases: ${rejected}/${errors.length} rejected (${sameMessage} with SAM's wording)\n`);
