import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** run-ts.js runs the bench from the repository root. */
export const root = process.cwd();

export type Loaded<T> = { ok: true; module: T; bundle: string } | { ok: false; reason: string };

/**
 * Loads a TypeScript module of ours if it exists and compiles, else says why not. The bench measures whatever has
 * landed: a missing or broken piece becomes "n/a (reason)", never a failed run. Each module is bundled on its own
 * (esbuild, node_modules left external), so one broken file cannot take down the others.
 */
export function loadTs<T>(relativePath: string): Loaded<T> {
  const file = path.join(root, relativePath);
  if (!fs.existsSync(file)) return { ok: false, reason: `${relativePath} does not exist yet` };
  const outdir = path.join(root, 'node_modules', '.cache', 'bench');
  fs.mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, relativePath.replace(/[/\\.]/g, '_') + '.js');
  try {
    esbuild.buildSync({
      entryPoints: [file],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'silent',
    });
    return { ok: true, module: require(outfile) as T, bundle: outfile };
  } catch (err) {
    return { ok: false, reason: `${relativePath} does not build: ${firstLine(err)}` };
  }
}

export function firstLine(err: unknown): string {
  const e = err as { errors?: { text: string; location?: { file: string; line: number } | null }[]; message?: string };
  if (e && Array.isArray(e.errors) && e.errors[0]) {
    const loc = e.errors[0].location;
    return `${e.errors[0].text}${loc ? ` (${loc.file}:${loc.line})` : ''}`;
  }
  return String(e?.message ?? err).split('\n')[0]!;
}
