import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Profiles `runs` transforms of a template with `node --cpu-prof` in a child process: the bundled transform
 * module (bench/load.ts wrote it) is required, run once to warm up, then `runs` times. Returns the profile.
 */
export function cpuProfileOfTransform(transformBundle: string, templateJson: string, runs: number, dir: string): { profile: CpuProfile; file: string } {
  fs.mkdirSync(dir, { recursive: true });
  const templateFile = path.join(dir, 'profile-template.json');
  fs.writeFileSync(templateFile, templateJson);
  const child = path.join(dir, 'profile-child.js');
  fs.writeFileSync(
    child,
    `'use strict';
const { transform } = require(${JSON.stringify(transformBundle)});
const text = require('node:fs').readFileSync(${JSON.stringify(templateFile)}, 'utf8');
const options = { region: 'us-east-1', accountId: '123456789012' };
transform(JSON.parse(text), options);
for (let i = 0; i < ${runs}; i++) transform(JSON.parse(text), options);
`,
  );
  const before = new Set(fs.readdirSync(dir));
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', child], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`profiling child failed: ${r.stderr.trim().split('\n')[0]}`);
  const made = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  if (made.length !== 1) throw new Error('node --cpu-prof wrote no profile');
  const file = path.join(dir, made[0]!);
  return { profile: JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, file };
}

/**
 * Maps a line of an esbuild bundle (not minified) back to the source file it came from: esbuild writes a
 * `// src/…/file.ts` comment before each module it inlines.
 */
function bundleSources(url: string): (line: number) => string | undefined {
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  if (!file.endsWith('.js') || !fs.existsSync(file)) return () => undefined;
  const starts: { line: number; source: string }[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
      if (m) starts.push({ line, source: m[1]! });
    });
  return (line) => {
    let found: string | undefined;
    for (const s of starts) {
      if (s.line > line) break;
      found = s.source;
    }
    return found;
  };
}

export interface Hotspot {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

/** Functions by self time, largest first. */
export function hotspots(profile: CpuProfile, top = 15): Hotspot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { frame: CallFrame; us: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    // Idle samples are the process waiting, not work: leave them out of the shares.
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += dt;
    const f = node.callFrame;
    const key = `${f.functionName}|${f.url}|${f.lineNumber}`;
    const entry = self.get(key) ?? { frame: f, us: 0 };
    entry.us += dt;
    self.set(key, entry);
  });
  const resolvers = new Map<string, (line: number) => string | undefined>();
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ frame, us }) => {
      let resolve = resolvers.get(frame.url);
      if (!resolve) resolvers.set(frame.url, (resolve = bundleSources(frame.url)));
      const source = frame.url ? resolve(frame.lineNumber) : undefined;
      const where = source ?? (frame.url ? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : '(native)');
      return { name: frame.functionName || '(anonymous)', where, selfMs: us / 1000, share: total ? us / total : 0 };
    });
}
