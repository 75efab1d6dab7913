/**
 * `npm run bench`: how fast the transform is on large templates, how fast a fresh process starts, and how big
 * the shipped code is. Prints figures next to the targets of the "deployable macro and measured speed" issue.
 * Measures whatever has landed: a missing piece prints "n/a (reason)", it never fails the run.
 *
 *   npm run bench                      all sections (about a minute)
 *   npm run bench -- --sizes 10,1000   only these template sizes
 *   npm run bench -- --profile 1000    also profile the transform at 1,000 routes and name where the time goes
 *   npm run bench -- --skip-fresh      no fresh-process figures (no build of dist/ needed)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump, load } from 'js-yaml';
import type { Diagnostic } from '../src/diagnostics/types';
import type { JsonObject } from '../src/model/json';
import type { TransformOptions, TransformResult } from '../src/transform';
import { freshProcess, HANDLER_PROBE } from './fresh';
import { firstLine, loadTs, root, type Loaded } from './load';
import { bytes, gc, median, min, ms, now, quantile, table, us, verdict } from './measure';
import { cpuProfileOfTransform, hotspots } from './profile';
import { syntheticTemplate } from './synthetic';

const TARGETS = {
  ms1000: 200,
  ms5000: 1000,
  perRouteGrowth: 2, // µs/route at 5,000 over µs/route at 100: "flat" means no more than this
  floorRatio1000: 3,
  bundleBytes: 150 * 1024,
  runtimeBytes: 5 * 1024,
  freshLoadMs: 30,
  validateMs: 1000,
};
const TRANSFORM_OPTIONS: TransformOptions = { region: 'us-east-1', accountId: '123456789012' };

interface Args {
  sizes: number[];
  profile?: number;
  skipFresh: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [10, 100, 1_000, 5_000], skipFresh: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = String(argv[++i]).split(',').map(Number).filter((n) => n > 0);
    else if (a === '--profile') args.profile = Number(argv[++i]);
    else if (a === '--skip-fresh') args.skipFresh = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const out = (s = ''): void => void process.stdout.write(s + '\n');
const na = (reason: string): string => `n/a (${reason})`;

// ---------------------------------------------------------------------------------------------------------------
// The pieces under test, loaded if they have landed.

type TransformFn = (template: JsonObject, options?: TransformOptions) => TransformResult;
type ParseFn = (text: string) => JsonObject;

function loadTransform(): Loaded<TransformFn> {
  const m = loadTs<{ transform?: TransformFn }>('src/transform.ts');
  if (!m.ok) return m;
  return m.module.transform
    ? { ok: true, module: m.module.transform, bundle: m.bundle }
    : { ok: false, reason: 'no transform export' };
}

/** Our parser (src/parse) when it has landed, else js-yaml's plain load, labelled as such. */
function loadParser(): { parse: ParseFn; label: string } {
  const m = loadTs<Record<string, unknown>>('src/parse/index.ts');
  const fn = m.ok ? m.module['parseTemplate'] : undefined;
  if (typeof fn === 'function') {
    const parse: ParseFn = (text) => {
      const r = (fn as (t: string, file?: string) => { ok: boolean; template?: JsonObject; diagnostics?: unknown })(
        text,
        'bench.yaml',
      );
      if (!r.ok || !r.template) throw new Error(`parseTemplate refused the template: ${JSON.stringify(r.diagnostics)}`);
      return r.template;
    };
    return { parse, label: 'src/parse parseTemplate' };
  }
  const reason = m.ok ? 'src/parse/index.ts has no parseTemplate export' : m.reason;
  return { parse: (text) => load(text) as JsonObject, label: `js-yaml load; our parser n/a: ${reason}` };
}

// ---------------------------------------------------------------------------------------------------------------
// In-process figures per template size.

interface SizeFigures {
  routes: number;
  inputBytes: number;
  outputBytes: number;
  resourcesIn: number;
  resourcesOut: number;
  diagnostics: string;
  transformMedian: number;
  transformMin: number;
  perRouteUs: number;
  heapDelta: number;
  maxRss: number;
  yaml: FloorFigures;
  json: FloorFigures;
  runs: number;
}

/**
 * Ours and the floor, medians over the runs (their ratio is the figure the target reads), and the quartiles of the
 * ratio run by run: each run times both within a few tens of milliseconds, so its ratio shows how far the
 * machine's noise moves the figure.
 */
interface FloorFigures {
  e2e: number;
  floor: number;
  ratioQ1: number;
  ratioQ3: number;
}

function summarize(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(`${d.severity} ${d.code}`, (counts.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  return counts.size === 0 ? 'none' : [...counts].map(([k, n]) => (n > 1 ? `${n}× ${k}` : k)).join(', ');
}

/** Runs so that each size takes about `budgetMs`, at least 3 and at most 20. */
function runsFor(firstMs: number, budgetMs: number): number {
  return Math.max(3, Math.min(20, Math.floor(budgetMs / Math.max(firstMs, 0.01))));
}

function measureSize(routes: number, transform: TransformFn, parse: ParseFn): SizeFigures {
  const { template } = syntheticTemplate(routes);
  const yamlText = dump(template, { lineWidth: -1 });
  const jsonText = JSON.stringify(template);

  // One untimed run of each path warms the JIT and tells how many runs fit the budget.
  const t0 = now();
  const first = transform(parse(yamlText), TRANSFORM_OPTIONS);
  const firstMs = now() - t0;
  transform(JSON.parse(jsonText) as JsonObject, TRANSFORM_OPTIONS);
  const runs = runsFor(firstMs, 3_000);
  // Past CloudFormation's limits (500 resources from 1,000 routes on: SAM makes a Lambda::Permission per route)
  // the transform refuses the output; it is serialised all the same, as if the limits allowed it, so that the
  // ratio to the floor never leaves out the cost of writing the output.
  const output =
    first.fragment ?? transform(parse(yamlText), { ...TRANSFORM_OPTIONS, checkLimits: false }).fragment;

  const core: number[] = [];
  const pass = (parseText: () => JsonObject): FloorFigures => {
    const e2e: number[] = [];
    const floor: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
      const a = now();
      const parsed = parseText();
      const b = now();
      const result = transform(parsed, TRANSFORM_OPTIONS);
      const c = now();
      const written = result.fragment ?? output;
      if (written) JSON.stringify(written, null, 2);
      const d = now();
      JSON.stringify(parsed, null, 2);
      const e = now();
      core.push(c - b);
      const floorMs = b - a + (e - d);
      e2e.push(d - a);
      floor.push(floorMs);
      ratios.push((d - a) / floorMs);
    }
    return { e2e: median(e2e), floor: median(floor), ratioQ1: quantile(ratios, 0.25), ratioQ3: quantile(ratios, 0.75) };
  };
  const yaml = pass(() => parse(yamlText));
  const json = pass(() => JSON.parse(jsonText) as JsonObject);

  // What one transform holds on to: heap with its input and result alive, over the heap with its input alone.
  const input = JSON.parse(jsonText) as JsonObject;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = transform(input, TRANSFORM_OPTIONS);
  const heapDelta = process.memoryUsage().heapUsed - before;
  void kept;

  const medianMs = median(core);
  return {
    routes,
    inputBytes: Buffer.byteLength(jsonText),
    outputBytes: output ? Buffer.byteLength(JSON.stringify(output)) : NaN,
    resourcesIn: Object.keys(template['Resources'] as JsonObject).length,
    resourcesOut: output ? Object.keys((output['Resources'] as JsonObject | undefined) ?? {}).length : NaN,
    diagnostics: summarize(first.diagnostics),
    transformMedian: medianMs,
    transformMin: min(core),
    perRouteUs: (medianMs * 1000) / routes,
    heapDelta,
    maxRss: process.resourceUsage().maxRSS * 1024,
    yaml,
    json,
    runs: core.length,
  };
}

function printSizes(figures: SizeFigures[], parserLabel: string): void {
  out('## Transform, in process (synthetic templates; median of runs after one warm-up)');
  out();
  out(
    table(
      ['routes', 'input', 'output', 'resources in→out', 'runs', 'median', 'min', 'per route', 'heap Δ', 'maxRSS'],
      figures.map((f) => [
        f.routes.toLocaleString('en-US'),
        bytes(f.inputBytes),
        bytes(f.outputBytes),
        `${f.resourcesIn}→${Number.isNaN(f.resourcesOut) ? '-' : f.resourcesOut}`,
        String(f.runs),
        ms(f.transformMedian),
        ms(f.transformMin),
        us(f.perRouteUs),
        bytes(f.heapDelta),
        bytes(f.maxRss),
      ]),
    ),
  );
  out();
  out('diagnostics from the transform:');
  for (const f of figures) out(`  ${String(f.routes).padStart(5)} routes: ${f.diagnostics}`);
  out('heap Δ: heap with the result alive minus heap before the call (after a full GC). maxRSS: process peak so far.');
  out();
  out('## Against the floor: parse + serialise of the same template, without the transform');
  out(`YAML path = the CLI: parse (${parserLabel}) + transform + JSON.stringify(out, null, 2)`);
  out('JSON path = the macro: JSON.parse + transform + JSON.stringify (Lambda parses and serialises the event)');
  out('Where the transform refuses the output for CloudFormation\'s limits, "ours" still serialises it (as if allowed).');
  out('ratio = median of ours / median of the floor (the target reads it); Q1-Q3 = quartiles of the ratio run by run.');
  out();
  out(
    table(
      ['routes', 'YAML: ours', 'floor', 'ratio', 'run by run Q1-Q3', 'JSON: ours', 'floor', 'ratio'],
      figures.map((f) => [
        f.routes.toLocaleString('en-US'),
        ms(f.yaml.e2e),
        ms(f.yaml.floor),
        `${(f.yaml.e2e / f.yaml.floor).toFixed(2)}×`,
        `${f.yaml.ratioQ1.toFixed(2)}-${f.yaml.ratioQ3.toFixed(2)}×`,
        ms(f.json.e2e),
        ms(f.json.floor),
        `${(f.json.e2e / f.json.floor).toFixed(2)}×`,
      ]),
    ),
  );
  out();
}

// ---------------------------------------------------------------------------------------------------------------
// Shipped code: bundle sizes.

interface BundleResult {
  ok: boolean;
  reason?: string;
  bytes: number;
  gzipBytes: number;
  inputs: { file: string; bytes: number }[];
  packages: { name: string; bytes: number }[];
  compilerInputs: string[];
  dependencies?: string[];
}
const bundler = require(path.join(root, 'scripts', 'bundle.js')) as {
  bundleMacro(o?: { write?: boolean }): Promise<BundleResult>;
  bundleRuntime(): Promise<BundleResult>;
  MACRO_OUTFILE: string;
};

async function bundleSizes(): Promise<{ macro: BundleResult | string; runtime: BundleResult | string }> {
  const attempt = async (f: () => Promise<BundleResult>): Promise<BundleResult | string> => {
    try {
      const r = await f();
      return r.ok ? r : String(r.reason);
    } catch (err) {
      return `does not build: ${firstLine(err)}`;
    }
  };
  return { macro: await attempt(() => bundler.bundleMacro({ write: true })), runtime: await attempt(bundler.bundleRuntime) };
}

// ---------------------------------------------------------------------------------------------------------------
// Fresh processes.

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
};

/**
 * dist/ as the published CLI runs it, rebuilt when older than src/. tsc still writes JavaScript when some file
 * has type errors (work in progress elsewhere), so a failed build with a fresh dist/ is measured, with a note.
 * Returns why dist/ cannot be had, or a note, or nothing.
 */
function ensureDist(): { problem?: string; note?: string } {
  const main = path.join(root, 'dist', 'cli', 'main.js');
  const fresh = (): boolean => fs.existsSync(main) && fs.statSync(main).mtimeMs >= newestMtime(path.join(root, 'src'));
  if (fresh()) return {};
  const built = freshProcess([path.join(root, 'scripts', 'build.js')], 0, root).last;
  if (built.status === 0) return fs.existsSync(main) ? {} : { problem: 'dist/cli/main.js missing after build' };
  const why = ((built.stdout + built.stderr).split('\n').find((l) => /error/i.test(l)) ?? 'build failed').trim();
  if (fresh()) return { note: `built with type errors: ${why.slice(0, 100)}` };
  return { problem: `npm run build failed: ${why.slice(0, 140)}` };
}

interface Fresh {
  nodeBaseline: string;
  version: string;
  smallTransform: string;
  handler: string;
  handlerFigures?: { loadMs: number; firstMs: number };
  validate: string;
  validateMs?: number;
  distNote?: string;
}

function freshFigures(handlerBundle: BundleResult | string, parse: ParseFn, transformable: boolean): Fresh {
  const RUNS = 7;
  const cli = path.join(root, 'bin', 'sam-auth.js');
  const baseline = freshProcess(['-e', '0'], RUNS, root);
  const result: Fresh = {
    nodeBaseline: `${ms(baseline.medianMs)} (node -e 0; min ${ms(baseline.minMs)})`,
    version: '',
    smallTransform: '',
    handler: '',
    validate: '',
  };
  // Fastest against fastest: medians of spawns on a shared machine are too noisy to subtract.
  const overBaseline = (run: { minMs: number }): string => `+${ms(Math.max(0, run.minMs - baseline.minMs))} over bare node, by min`;

  const dist = ensureDist();
  result.distNote = dist.note;
  const distProblem = dist.problem;
  if (distProblem) {
    result.version = na(distProblem);
    result.smallTransform = na(distProblem);
    result.validate = na(distProblem);
  } else {
    const v = freshProcess([cli, '--version'], RUNS, root);
    result.version =
      v.last.status === 0 && v.last.stdout.trim()
        ? `${ms(v.medianMs)} (min ${ms(v.minMs)}; ${overBaseline(v)}) → ${v.last.stdout.trim()}`
        : na(`exit ${v.last.status}: ${(v.last.stderr || v.last.stdout).trim().split('\n')[0]}`);

    const example = path.join(root, 'examples', 'basic', 'template.yaml');
    if (!fs.existsSync(example)) result.smallTransform = na('examples/basic/template.yaml does not exist yet');
    else {
      const t = freshProcess([cli, 'transform', example], RUNS, root);
      result.smallTransform =
        t.last.status === 0
          ? `${ms(t.medianMs)} (min ${ms(t.minMs)}; ${overBaseline(t)}; ${bytes(t.last.stdout.length)} out)`
          : na(`exit ${t.last.status}: ${(t.last.stderr || '').trim().split('\n')[0]}`);
    }

    const inputs = fs.existsSync('/work/shared/conformance/sam')
      ? fs
          .readdirSync('/work/shared/conformance/sam')
          .map((d) => path.join('/work/shared/conformance/sam', d, 'input.yaml'))
          .filter((p) => fs.existsSync(p))
      : [];
    if (inputs.length === 0) result.validate = na('no conformance inputs at /work/shared/conformance/sam');
    else {
      const v = freshProcess([cli, 'validate', ...inputs, '--format', 'json'], 3, root);
      // 0 clean, 1 errors found (the set holds error cases): both are answers; 2 is usage or I/O.
      if (v.last.status === 0 || v.last.status === 1) {
        result.validateMs = v.medianMs;
        result.validate = `${ms(v.medianMs)} for ${inputs.length} files in one call (min ${ms(v.minMs)}; exit ${v.last.status})`;
      } else result.validate = na(`exit ${v.last.status}: ${(v.last.stderr || '').trim().split('\n')[0]}`);
    }
  }

  if (typeof handlerBundle === 'string') result.handler = na(handlerBundle);
  else if (!transformable) result.handler = na('src/transform.ts does not build');
  else {
    const cache = path.join(root, 'node_modules', '.cache', 'bench');
    fs.mkdirSync(cache, { recursive: true });
    const probe = path.join(cache, 'handler-probe.js');
    fs.writeFileSync(probe, HANDLER_PROBE);
    const example = path.join(root, 'examples', 'basic', 'template.yaml');
    const fragment = fs.existsSync(example)
      ? parse(fs.readFileSync(example, 'utf8'))
      : syntheticTemplate(10).template;
    const eventFile = path.join(cache, 'macro-event.json');
    fs.writeFileSync(
      eventFile,
      JSON.stringify({
        region: 'us-east-1',
        accountId: '123456789012',
        fragment,
        transformId: '123456789012::SamAuth',
        params: {},
        requestId: 'bench-request',
        templateParameterValues: {},
      }),
    );
    const h = freshProcess([probe, bundler.MACRO_OUTFILE, eventFile], RUNS, root);
    // The probe's own figures (require, first call) leave out node's start-up, which is not ours to speed up.
    const samples = h.all
      .filter((r) => r.status === 0)
      .map((r) => JSON.parse(r.stdout) as { loadMs: number; firstMs: number });
    if (h.last.status !== 0 || samples.length === 0) {
      result.handler = na(`probe failed: ${(h.last.stderr || '').trim().split('\n')[0]}`);
    } else {
      const status = (JSON.parse(h.last.stdout) as { status?: string; errorMessage?: string });
      const loadMs = median(samples.map((s) => s.loadMs));
      const firstMs = median(samples.map((s) => s.firstMs));
      result.handlerFigures = { loadMs, firstMs };
      result.handler =
        `require ${ms(loadMs)} + first invocation ${ms(firstMs)} = ${ms(loadMs + firstMs)} ` +
        `(status ${status.status}${status.errorMessage ? `: ${status.errorMessage}` : ''}; ` +
        `whole process ${ms(h.medianMs)}, ${overBaseline(h)}; event: ${fs.existsSync(example) ? 'examples/basic' : 'synthetic 10 routes'})`;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = now();
  out(`# sam-auth-macro bench — node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`);
  out();

  // The standalone validators are a build artifact; make sure the code we measure has them.
  const schemaStep = path.join(root, 'scripts', 'build-schema.js');
  if (fs.existsSync(schemaStep)) {
    const r = freshProcess([schemaStep], 0, root).last;
    if (r.status !== 0) out(`note: scripts/build-schema.js failed (${(r.stderr || '').trim().split('\n')[0]})`);
  }

  const transform = loadTransform();
  const parser = loadParser();
  const figures: SizeFigures[] = [];
  if (!transform.ok) {
    out(`## Transform, in process: ${na(transform.reason)}`);
    out();
  } else {
    for (const routes of args.sizes) figures.push(measureSize(routes, transform.module, parser.parse));
    printSizes(figures, parser.label);
  }

  out('## Shipped code');
  const sizes = await bundleSizes();
  const macro = sizes.macro;
  if (typeof macro === 'string') out(`macro bundle (build/macro/index.js): ${na(macro)}`);
  else {
    out(`macro bundle (build/macro/index.js): ${macro.bytes} bytes = ${bytes(macro.bytes)} minified, ${bytes(macro.gzipBytes)} gzipped`);
    out(`  largest inputs: ${macro.inputs.slice(0, 6).map((i) => `${i.file} ${bytes(i.bytes)}`).join(', ')}`);
    out(`  by package: ${macro.packages.slice(0, 6).map((p) => `${p.name} ${bytes(p.bytes)}`).join(', ')}`);
    out(`  schema compiler inside: ${macro.compilerInputs.length === 0 ? 'no (ajv runtime helpers only)' : `YES, ${macro.compilerInputs.length} files, e.g. ${macro.compilerInputs[0]}`}`);
  }
  const runtime = sizes.runtime;
  if (typeof runtime === 'string') out(`runtime export (sam-auth-macro/runtime): ${na(runtime)}`);
  else
    out(
      `runtime export (sam-auth-macro/runtime): ${runtime.bytes} bytes = ${bytes(runtime.bytes)} minified, ${bytes(runtime.gzipBytes)} gzipped; ` +
        `dependencies: ${runtime.dependencies && runtime.dependencies.length ? runtime.dependencies.join(', ') : 'none'}`,
    );
  out();

  let fresh: Fresh | undefined;
  if (args.skipFresh) out('## Fresh processes: skipped (--skip-fresh)');
  else {
    out('## Fresh processes (median of 7 spawns; wall time includes starting node)');
    fresh = freshFigures(macro, parser.parse, transform.ok);
    out(`node baseline:                 ${fresh.nodeBaseline}`);
    out(`sam-auth --version:            ${fresh.version}`);
    out(`sam-auth transform (basic):    ${fresh.smallTransform}`);
    out(`macro bundle cold start:       ${fresh.handler}`);
    out(`sam-auth validate conformance: ${fresh.validate}`);
    if (fresh.distNote) out(`note: dist/ ${fresh.distNote}`);
  }
  out();

  // Targets.
  const at = (n: number): SizeFigures | undefined => figures.find((f) => f.routes === n);
  const f100 = at(100);
  const f1000 = at(1_000);
  const f5000 = at(5_000);
  // "Flat": no size from 100 up costs more per route than the 100-route template by more than the bound.
  const larger = figures.filter((f) => f.routes > 100);
  const worst = larger.reduce<SizeFigures | undefined>((w, f) => (!w || f.perRouteUs > w.perRouteUs ? f : w), undefined);
  const growth = f100 && worst ? worst.perRouteUs / f100.perRouteUs : NaN;
  const rows: string[][] = [
    ['1,000 routes transform', `< ${TARGETS.ms1000} ms`, ms(f1000?.transformMedian ?? NaN), verdict(f1000?.transformMedian ?? NaN, TARGETS.ms1000)],
    ['5,000 routes transform', `< ${TARGETS.ms5000} ms`, ms(f5000?.transformMedian ?? NaN), verdict(f5000?.transformMedian ?? NaN, TARGETS.ms5000)],
    [
      'per-route cost 100 → 5,000',
      `flat (≤ ${TARGETS.perRouteGrowth}×)`,
      Number.isFinite(growth)
        ? `${us(f100!.perRouteUs)} at 100, worst ${us(worst!.perRouteUs)} at ${worst!.routes.toLocaleString('en-US')} (${growth.toFixed(2)}×)`
        : 'n/a',
      verdict(growth, TARGETS.perRouteGrowth),
    ],
    [
      'vs floor at 1,000 (YAML, CLI)',
      `≤ ${TARGETS.floorRatio1000}×`,
      f1000 ? `${(f1000.yaml.e2e / f1000.yaml.floor).toFixed(2)}×` : 'n/a',
      verdict(f1000 ? f1000.yaml.e2e / f1000.yaml.floor : NaN, TARGETS.floorRatio1000),
    ],
    [
      'vs floor at 1,000 (JSON, macro)',
      'for information',
      f1000 ? `${(f1000.json.e2e / f1000.json.floor).toFixed(2)}×` : 'n/a',
      // JSON.parse + stringify are native and ~30× faster than a YAML parse: no transform can be within 3× of them.
      'info',
    ],
    [
      'macro bundle size',
      `< ${bytes(TARGETS.bundleBytes)}`,
      typeof macro === 'string' ? 'n/a' : bytes(macro.bytes),
      typeof macro === 'string' ? 'n/a' : verdict(macro.bytes, TARGETS.bundleBytes),
    ],
    [
      'runtime export size',
      `< ${bytes(TARGETS.runtimeBytes)}`,
      typeof runtime === 'string' ? 'n/a' : bytes(runtime.bytes),
      typeof runtime === 'string' ? 'n/a' : verdict(runtime.bytes, TARGETS.runtimeBytes),
    ],
    [
      'fresh load + first small transform',
      `< ${TARGETS.freshLoadMs} ms`,
      fresh?.handlerFigures ? ms(fresh.handlerFigures.loadMs + fresh.handlerFigures.firstMs) : 'n/a',
      verdict(fresh?.handlerFigures ? fresh.handlerFigures.loadMs + fresh.handlerFigures.firstMs : NaN, TARGETS.freshLoadMs),
    ],
    [
      'validate all conformance inputs',
      `well under ${TARGETS.validateMs} ms`,
      ms(fresh?.validateMs ?? NaN),
      verdict(fresh?.validateMs ?? NaN, TARGETS.validateMs),
    ],
  ];
  out('## Targets');
  out(table(['target', 'goal', 'figure', 'verdict'], rows));
  out();

  if (args.profile && transform.ok) {
    const { template } = syntheticTemplate(args.profile);
    const dir = path.join(root, 'node_modules', '.cache', 'bench', 'profiles');
    const { profile, file } = cpuProfileOfTransform(transform.bundle, JSON.stringify(template), 5, dir);
    out(`## Where the time goes: JSON.parse + transform of ${args.profile} routes ×6, by self time, node --cpu-prof (open ${path.relative(root, file)} in DevTools)`);
    out(
      table(
        ['function', 'source', 'self', 'share'],
        hotspots(profile).map((h) => [h.name, h.where, ms(h.selfMs), `${(h.share * 100).toFixed(1)}%`]),
      ),
    );
    out();
  }
  out(`bench finished in ${((now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
