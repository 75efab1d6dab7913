/**
 * Golden cases: fixtures/transform/<case>/input.yaml → output.json (the transformed template) or
 * diagnostics.json (when the template is rejected). UPDATE_GOLDEN=1 rewrites them. Adding a case is adding files.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../../src/parse/index';
import { transform } from '../../src/transform';

const ROOT = join(__dirname, '..', '..', 'fixtures', 'transform');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function run(name: string): { file: string; text: string } {
  const parsed = parseTemplate(readFileSync(join(ROOT, name, 'input.yaml'), 'utf8'), 'input.yaml');
  if (!parsed.ok) throw new Error(`${name}: input.yaml does not parse`);
  const result = transform(parsed.template);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.fragment) return { file: 'diagnostics.json', text: JSON.stringify(result.diagnostics, null, 2) + '\n' };
  return { file: 'output.json', text: JSON.stringify(result.fragment, null, 2) + '\n' };
}

const cases = readdirSync(ROOT).filter((n) => existsSync(join(ROOT, n, 'input.yaml'))).sort();

describe('golden transforms', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)('%s', (name) => {
    const { file, text } = run(name);
    const path = join(ROOT, name, file);
    if (UPDATE) {
      for (const other of ['output.json', 'diagnostics.json']) if (other !== file) rmSync(join(ROOT, name, other), { force: true });
      writeFileSync(path, text);
    }
    expect(existsSync(path) ? readFileSync(path, 'utf8') : `(no ${file})`).toBe(text);
  });

  it.each(cases)('%s is deterministic (two runs, same bytes)', (name) => {
    expect(run(name).text).toBe(run(name).text);
  });
});
