#!/usr/bin/env node
// Runs a TypeScript entry point (bench, conformance report) by bundling it with esbuild into a temp file.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.js <file.ts> [args...]\n');
  process.exit(2);
}
// Inside the repo, so that external packages resolve from our node_modules.
const cacheDir = path.resolve(__dirname, '..', 'node_modules', '.cache');
fs.mkdirSync(cacheDir, { recursive: true });
const outdir = fs.mkdtempSync(path.join(cacheDir, 'run-ts-'));
const outfile = path.join(outdir, 'entry.js');
esbuild.buildSync({
  entryPoints: [path.resolve(entry)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
process.argv = [process.argv[0], path.resolve(entry), ...args];
process.chdir(path.resolve(__dirname, '..'));
require(outfile);
