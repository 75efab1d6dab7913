/**
 * The ratchet: every case listed in passing.json must keep passing at its tier (exact > equivalent;
 * error cases: rejected). Newly passing cases are reported; run with UPDATE_CONFORMANCE=1 to rewrite the list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest, runCase, type Tier } from './harness';

const LIST = join(__dirname, 'passing.json');
const RANK: Record<Tier, number> = { fail: 0, 'error-rejected': 1, equivalent: 1, exact: 2 };

const manifest = loadManifest();
const results = new Map(manifest.map((c) => [c.case, runCase(c)]));
let passing = JSON.parse(readFileSync(LIST, 'utf8')) as Record<string, Tier>;

if (process.env.UPDATE_CONFORMANCE === '1') {
  const next: Record<string, Tier> = {};
  for (const [name, r] of [...results].sort(([a], [b]) => (a < b ? -1 : 1))) if (r.tier !== 'fail') next[name] = r.tier;
  writeFileSync(LIST, JSON.stringify(next, null, 2) + '\n');
  passing = next;
}

describe('SAM conformance ratchet', () => {
  it.each(Object.entries(passing))('%s still passes at tier %s', (name, tier) => {
    const r = results.get(name);
    expect(r).toBeDefined();
    expect({ name, tier: r?.tier, reason: r?.reason }).toEqual(
      RANK[r?.tier ?? 'fail'] >= RANK[tier] ? { name, tier: r?.tier, reason: r?.reason } : { name, tier, reason: undefined },
    );
  });

  it('lists every passing case (run UPDATE_CONFORMANCE=1 npx jest test/conformance to add new ones)', () => {
    const unlisted = [...results.values()].filter((r) => r.tier !== 'fail' && RANK[r.tier] > RANK[passing[r.name] ?? 'fail']).map((r) => `${r.name}: ${r.tier}`);
    expect(unlisted).toEqual([]);
  });
});
