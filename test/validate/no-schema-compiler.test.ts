import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The bundle script is plain JavaScript (it runs before any build); its shape, for the compiler.
const { bundleMacro } = require('../../scripts/bundle.js') as {
  bundleMacro(options?: { write?: boolean; outfile?: string }): Promise<{ ok: boolean; outfile: string; compilerInputs: string[] }>;
};

/**
 * Neither the CLI nor the macro compiles a schema at run time: the built code (dist/, and build/ when the
 * macro bundle, built by the test) runs a real `validate` and must not have loaded ajv's compiler. `npm test` builds first.
 */
const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'fixtures', 'validate', 'mixed', 'input.yaml');
const COMPILER = /[\\/]ajv[\\/]dist[\\/](compile|core|ajv)[\\/.]|[\\/]ajv-formats[\\/]dist[\\/]index\.js$/;

/** Runs `script` in a fresh node and returns the ajv files it loaded. */
function ajvModulesLoaded(script: string): string[] {
  const probe = `${script}
.then((note) => {
  const ajv = Object.keys(require.cache).filter((f) => /[\\\\/]ajv(-formats)?[\\\\/]/.test(f));
  process.stdout.write(JSON.stringify({ ajv, note }));
});`;
  const out = execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' });
  const parsed = JSON.parse(out) as { ajv: string[]; note: unknown };
  expect(parsed.note).toBe('ran');
  return parsed.ajv;
}

describe('no schema compiler at run time', () => {
  it('dist/cli/main.js validates a template with precompiled validators only', () => {
    const main = path.join(ROOT, 'dist', 'cli', 'main.js');
    expect(fs.existsSync(main)).toBe(true); // run `npm run build` first
    const io = `{ stdout: { write() {} }, stderr: { write() {} }, readFile: async (p) => require('fs').readFileSync(p), writeFile: async () => {}, stdin: async () => Buffer.alloc(0) }`;
    const loaded = ajvModulesLoaded(
      `require(${JSON.stringify(main)}).main(['validate', ${JSON.stringify(FIXTURE)}], ${io}).then((code) => code === 1 ? 'ran' : 'exit ' + code)`,
    );
    expect(loaded.filter((f) => COMPILER.test(f))).toEqual([]);
    // the standalone code's helpers are all it needs
    expect(loaded.every((f) => /ajv[\\/]dist[\\/]runtime[\\/]|ajv-formats[\\/]dist[\\/]formats\.js$/.test(f))).toBe(true);
  });

  it('the macro bundle carries and loads no schema compiler', async () => {
    // Built here, into a folder of its own (a clean clone has no build/, and another test writes build/macro).
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sam-auth-bundle-'));
    const bundle = path.join(outdir, 'index.js');
    const result = await bundleMacro({ write: true, outfile: bundle });
    expect(result.compilerInputs).toEqual([]);
    const text = fs.readFileSync(bundle, 'utf8');
    // ajv's compiler messages: present in any bundle that includes ajv/dist/core or compile
    expect(text).not.toContain('already exists');
    expect(text).not.toContain('strict mode: ');
    const loaded = ajvModulesLoaded(`Promise.resolve(require(${JSON.stringify(bundle)})).then(() => 'ran')`);
    expect(loaded.filter((f) => COMPILER.test(f))).toEqual([]);
  });
});
