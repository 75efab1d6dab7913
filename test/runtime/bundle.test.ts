import path from 'node:path';
import { buildSync } from 'esbuild';

// The kit ships inside authorizer Lambdas: it must stay small and pull in nothing (issue 7: under 5 KB minified).
describe('sam-auth-macro/runtime bundle', () => {
  const root = path.resolve(__dirname, '../..');
  const result = buildSync({
    entryPoints: [path.join(root, 'src/runtime/index.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;

  it('is under 5 KB minified', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(5 * 1024);
  });

  it('bundles only src/runtime/: no dependency, nothing from the rest of the package', () => {
    expect(Object.keys(result.metafile.inputs).every((input) => input.startsWith('src/runtime/'))).toBe(true);
    expect(code).not.toMatch(/\brequire\(/);
  });
});
