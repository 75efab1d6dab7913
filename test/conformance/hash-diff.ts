/**
 * Dev tool: `node scripts/run-ts.js test/conformance/hash-diff.ts <case>` prints, for each Deployment of the
 * case, SAM's hashed string and ours with the first differing position, to chase exact-tier misses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../../src/parse/index';
import { normalize } from '../../src/normalize/index';
import { lowerApi } from '../../src/emit/lower-api';
import { lowerContext } from '../../src/emit/index';
import { CASES_DIR } from './harness';

const name = process.argv[2];
const dir = join(CASES_DIR, name);
const expected = JSON.parse(readFileSync(join(dir, 'deployment-hash-inputs.json'), 'utf8')) as { logicalId: string; hashInput: string }[];
const parsed = parseTemplate(readFileSync(join(dir, 'input.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('parse');
const model = normalize(parsed.template).model;
const ctx = lowerContext(parsed.template, parsed.sourceMap);
for (const api of model.apis.filter((a) => a.hasAuth)) {
  const out = lowerApi(api, ctx);
  const ours = out.hashInput;
  const sam = expected.find((e) => e.logicalId.startsWith(api.logicalId + 'Deployment'));
  if (!sam) continue;
  let i = 0;
  while (i < ours.length && ours[i] === sam.hashInput[i]) i++;
  process.stdout.write(`${api.logicalId}: ${ours === sam.hashInput ? 'same' : 'differs at ' + i}\n`);
  if (ours !== sam.hashInput) {
    process.stdout.write(`  sam : ${sam.hashInput.slice(Math.max(0, i - 150), i + 150)}\n  ours: ${ours.slice(Math.max(0, i - 150), i + 150)}\n`);
  }
}
