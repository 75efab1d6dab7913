#!/usr/bin/env node
// Bundles the macro's Lambda handler (src/macro/handler.ts) into one minified CommonJS file with a source map:
// build/macro/index.js, the code macro-template.yaml deploys (Handler: index.handler). Nothing is left in
// node_modules at run time. Fails when the bundle contains ajv's schema compiler: the Lambda must run only the
// validators precompiled at build time (src/validate/generated/) and the small ajv runtime helpers they import.
// Also exports its functions, for `npm run bench`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const MACRO_ENTRY = path.join(root, 'src', 'macro', 'handler.ts');
const MACRO_OUTDIR = path.join(root, 'build', 'macro');
const MACRO_OUTFILE = path.join(MACRO_OUTDIR, 'index.js');
const RUNTIME_ENTRY = path.join(root, 'src', 'runtime', 'index.ts');
const BUNDLE_TARGET_BYTES = 150 * 1024;
const RUNTIME_TARGET_BYTES = 5 * 1024;

// What the standalone validators may import from ajv's packages; anything else from them is the compiler.
const ALLOWED_AJV_INPUTS = [
  /^node_modules\/ajv\/dist\/runtime\//,
  /^node_modules\/ajv-formats\/dist\/formats\.js$/,
  /^node_modules\/fast-deep-equal\//,
  /^node_modules\/fast-uri\//,
];
const AJV_PACKAGES = /^node_modules\/(ajv|ajv-formats|ajv-keywords|uri-js|json-schema-traverse)\//;

/** Inputs of the ajv family that are not run-time helpers: their presence means the compiler was bundled. */
function compilerInputs(inputPaths) {
  return inputPaths.filter((p) => AJV_PACKAGES.test(p) && !ALLOWED_AJV_INPUTS.some((re) => re.test(p)));
}

/** The bundle's inputs by bytes they contribute to the output, largest first. */
function inputsBySize(metafile, outfileRel) {
  const output = metafile.outputs[outfileRel];
  if (!output) return [];
  return Object.entries(output.inputs)
    .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
}

/** Per-package totals: node_modules/<pkg> grouped, our own sources under "src". */
function packagesBySize(inputs) {
  const totals = new Map();
  for (const { file, bytes } of inputs) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    const key = m ? m[1] : file.split('/')[0];
    totals.set(key, (totals.get(key) ?? 0) + bytes);
  }
  return [...totals.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Builds the macro bundle. With write: false nothing touches the disk (the bench measures that way too).
 * Returns { ok: false, reason } when there is nothing to bundle yet.
 */
async function bundleMacro({ write = true, entry = MACRO_ENTRY, outfile = MACRO_OUTFILE } = {}) {
  entry = path.resolve(root, entry);
  outfile = path.resolve(root, outfile);
  if (!fs.existsSync(entry)) return { ok: false, reason: `${path.relative(root, entry)} does not exist yet` };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    metafile: true,
    write,
    logLevel: 'silent',
  });
  const outfileRel = path.relative(root, outfile).split(path.sep).join('/');
  const code = write ? fs.readFileSync(outfile) : result.outputFiles.find((f) => f.path === outfile).contents;
  const inputs = inputsBySize(result.metafile, outfileRel);
  return {
    ok: true,
    outfile,
    bytes: code.length,
    gzipBytes: zlib.gzipSync(code, { level: 9 }).length,
    inputs,
    packages: packagesBySize(inputs),
    compilerInputs: compilerInputs(Object.keys(result.metafile.inputs)),
    warnings: result.warnings.length,
  };
}

/** The minified size of the `sam-auth-macro/runtime` export, bundled alone (it must have no dependencies). */
async function bundleRuntime() {
  if (!fs.existsSync(RUNTIME_ENTRY)) return { ok: false, reason: 'src/runtime/index.ts does not exist yet' };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [RUNTIME_ENTRY],
    outfile: path.join(root, 'build', 'runtime-size', 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const dependencies = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('node_modules/'));
  return { ok: true, bytes: code.length, gzipBytes: zlib.gzipSync(code, { level: 9 }).length, dependencies };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The standalone schema validators are generated at build time; a fresh clone has none yet. */
function generateValidators() {
  const step = path.join(root, 'scripts', 'build-schema.js');
  if (!fs.existsSync(step)) return;
  require('node:child_process').execFileSync(process.execPath, [step], { cwd: root, stdio: 'inherit' });
}

async function main() {
  generateValidators();
  const macro = await bundleMacro({ write: true });
  if (!macro.ok) {
    process.stderr.write(`bundle: nothing to bundle: ${macro.reason}\n`);
    return 1;
  }
  const rel = path.relative(root, macro.outfile);
  const verdict = macro.bytes <= BUNDLE_TARGET_BYTES ? 'within' : 'OVER';
  process.stdout.write(
    `${rel}: ${macro.bytes} bytes (${kb(macro.bytes)}; ${kb(macro.gzipBytes)} gzipped), ${verdict} the ${kb(BUNDLE_TARGET_BYTES)} target\n`,
  );
  process.stdout.write('largest inputs:\n');
  for (const { file, bytes } of macro.inputs.slice(0, 12)) {
    process.stdout.write(`  ${String(bytes).padStart(8)}  ${file}\n`);
  }
  process.stdout.write('by package:\n');
  for (const { name, bytes } of macro.packages.slice(0, 8)) {
    process.stdout.write(`  ${String(bytes).padStart(8)}  ${name}\n`);
  }
  if (macro.compilerInputs.length > 0) {
    process.stderr.write(
      `bundle: the bundle contains ajv's schema compiler (${macro.compilerInputs.length} files, e.g. ${macro.compilerInputs[0]}).\n` +
        '  The Lambda must import only the standalone validators in src/validate/generated/, never ajv itself.\n',
    );
    return 1;
  }
  process.stdout.write('no schema compiler in the bundle (ajv runtime helpers only)\n');
  return 0;
}

module.exports = { bundleMacro, bundleRuntime, compilerInputs, BUNDLE_TARGET_BYTES, RUNTIME_TARGET_BYTES, MACRO_OUTFILE };

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`bundle: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
