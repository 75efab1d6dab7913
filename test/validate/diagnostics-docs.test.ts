import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES } from '../../src/diagnostics/codes/index';
import { DOC_PATH, renderDiagnosticsDoc } from '../../scripts/diagnostics-docs';

describe('docs/diagnostics.md', () => {
  it('is generated from the code tables and up to date (run: node scripts/run-ts.js scripts/diagnostics-docs.ts)', () => {
    const onDisk = fs.readFileSync(path.join(__dirname, '..', '..', DOC_PATH), 'utf8');
    expect(onDisk).toBe(renderDiagnosticsDoc());
  });

  it('documents every code with a summary, an example and a fix', () => {
    const doc = renderDiagnosticsDoc();
    for (const [code, info] of Object.entries(CODES)) {
      expect(doc).toContain(`### ${code}\n`);
      expect(info.summary.trim()).not.toBe('');
      expect(info.example.trim()).not.toBe('');
      expect(info.fix.trim()).not.toBe('');
    }
  });
});
