import * as fs from 'node:fs';
import * as path from 'node:path';
import { memoryIO } from '../cli/memory-io';
import { parseValidateArgs, runValidate } from '../../src/cli/validate';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'validate');

const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name, 'input.yaml'), 'utf8');
const clean = read('clean');
const mixed = read('mixed');
const warningsOnly = clean.replace('ReauthorizeEvery: 60', 'ReauthorizeEvery: 60\n              Headr: X');

describe('sam-auth validate: exit codes', () => {
  it.each([
    ['clean template', ['clean.yaml'], 0],
    ['errors', ['mixed.yaml'], 1],
    ['warnings only', ['warn.yaml'], 0],
    ['warnings only, --strict', ['warn.yaml', '--strict'], 1],
    ['several files, one with errors', ['clean.yaml', 'mixed.yaml'], 1],
    ['a file that cannot be read', ['clean.yaml', 'missing.yaml'], 2],
    ['unknown format', ['clean.yaml', '--format', 'xml'], 2],
    ['unknown option', ['clean.yaml', '--fast'], 2],
    ['no file', [], 2],
    ['standard input', ['-'], 0],
  ] as const)('%s → %i', async (_name, argv, code) => {
    const { io } = memoryIO({ 'clean.yaml': clean, 'mixed.yaml': mixed, 'warn.yaml': warningsOnly }, clean);
    expect(await runValidate([...argv], io)).toBe(code);
  });
});

describe('sam-auth validate: output', () => {
  it('text: one file:line:col: severity CODE message line per finding, a summary on stderr', async () => {
    const { io, ...out } = memoryIO({ 'warn.yaml': warningsOnly });
    await runValidate(['warn.yaml'], io);
    expect(out.stdout()).toBe('warn.yaml:33:15: warning schema/ignored-property SAM ignores unknown property `Headr` in Identity. Did you mean `Header`?\n');
    expect(out.stderr()).toBe('sam-auth: 0 errors, 1 warning, 0 notes in 1 file\n');
  });

  it('json: one array over all files, each finding with its file', async () => {
    const { io, ...out } = memoryIO({ 'clean.yaml': clean, 'warn.yaml': warningsOnly });
    await runValidate(['clean.yaml', 'warn.yaml', '--format=json'], io);
    const rows = JSON.parse(out.stdout()) as { file: string; code: string }[];
    expect(rows.map((r) => `${r.file} ${r.code}`)).toEqual(['warn.yaml schema/ignored-property']);
    expect(out.stderr()).toBe('');
  });

  it('github and sarif print to stdout only', async () => {
    for (const format of ['github', 'sarif']) {
      const { io, ...out } = memoryIO({ 'mixed.yaml': mixed });
      expect(await runValidate(['mixed.yaml', '-f', format], io)).toBe(1);
      expect(out.stdout().length).toBeGreaterThan(0);
      expect(out.stderr()).toBe('');
    }
  });

  it('--help prints usage and exits 0', async () => {
    const { io, ...out } = memoryIO({});
    expect(await runValidate(['--help'], io)).toBe(0);
    expect(out.stdout()).toContain('--format text|json|sarif|github');
  });

  it('parses arguments anywhere, --format=x and -- ', () => {
    expect(parseValidateArgs(['--strict', 'a.yaml', '--format=sarif', '--', '-odd.yaml'])).toEqual({
      ok: true,
      value: { files: ['a.yaml', '-odd.yaml'], format: 'sarif', strict: true, help: false },
    });
  });
});
