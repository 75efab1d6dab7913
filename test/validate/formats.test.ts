import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatGithub } from '../../src/diagnostics/format/github';
import { formatJson } from '../../src/diagnostics/format/json';
import { formatSarif } from '../../src/diagnostics/format/sarif';
import { formatDiagnostics } from '../../src/diagnostics/format/text';
import { validateSource } from '../../src/validate/source';

/**
 * Golden outputs per format: fixtures/validate/<case>/input.yaml → expected.{txt,json,sarif.json,github.txt}.
 * Adding a case is adding a folder. UPDATE_GOLDEN=1 rewrites the expected files (review the diff).
 */
const ROOT = path.join(__dirname, '..', '..', 'fixtures', 'validate');
const CASES = fs.readdirSync(ROOT).filter((c) => fs.existsSync(path.join(ROOT, c, 'input.yaml'))).sort();

const FORMATS: [string, (d: ReturnType<typeof validateSource>) => string][] = [
  ['expected.txt', (d) => formatDiagnostics(d)],
  ['expected.json', (d) => formatJson(d)],
  ['expected.sarif.json', (d) => formatSarif(d)],
  ['expected.github.txt', (d) => formatGithub(d)],
];

describe.each(CASES)('validate golden %s', (name) => {
  const input = fs.readFileSync(path.join(ROOT, name, 'input.yaml'));
  const diagnostics = validateSource(input, 'input.yaml');
  it.each(FORMATS)('%s', (file, render) => {
    const out = render(diagnostics);
    const target = path.join(ROOT, name, file);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(target, out);
    expect(out).toBe(fs.readFileSync(target, 'utf8'));
  });
});

describe('formats', () => {
  it('github escapes newlines, percent signs, and separators in properties', () => {
    const out = formatGithub([
      { code: 'rules/cors-gateway-responses', severity: 'warning', message: '100% sure\nline two', path: '/x', location: { file: 'a,b:c.yaml', line: 3, column: 4 } },
      { code: 'rules/route-without-auth', severity: 'info', message: 'open', path: '/y' },
    ]);
    expect(out).toBe(
      '::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=rules/cors-gateway-responses::100%25 sure%0Aline two\n' +
        '::notice title=rules/route-without-auth::open (at /y)\n',
    );
  });

  it('sarif lists each rule once, with the code table metadata, and indexes results to it', () => {
    const log = JSON.parse(formatSarif(validateSource(fs.readFileSync(path.join(ROOT, 'mixed', 'input.yaml')), 'input.yaml'), { version: '9.9.9' }));
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.version).toBe('9.9.9');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const result of log.runs[0].results) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });
});
