import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../conformance/harness';
import { desugar } from '../../src/normalize/dialect/index';
import { parseTemplate } from '../../src/parse/index';

/** SAM's own test inputs are all in SAM's spelling: desugaring must hand each back as the very same object. */
const cases = existsSync(CASES_DIR)
  ? readdirSync(CASES_DIR).filter((name) => existsSync(join(CASES_DIR, name, 'input.yaml')))
  : [];

describe("desugar leaves SAM's conformance inputs alone", () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('%s', (name) => {
    const parsed = parseTemplate(readFileSync(join(CASES_DIR, name, 'input.yaml'), 'utf8'));
    if (!parsed.ok) return; // a parse error case belongs to the parser's tests
    const result = desugar(parsed.template);
    expect(result.template).toBe(parsed.template);
    expect(result.diagnostics).toEqual([]);
  });
});
