import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { median, min, now } from './measure';

export interface FreshRun {
  medianMs: number;
  minMs: number;
  last: SpawnSyncReturns<string>;
  all: SpawnSyncReturns<string>[];
}

/** Wall time of a fresh `node …` process, median and min of `runs` (after one untimed run to warm the disk cache). */
export function freshProcess(args: string[], runs: number, cwd: string): FreshRun {
  const once = (): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let last = once();
  const times: number[] = [];
  const all: SpawnSyncReturns<string>[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    last = once();
    times.push(now() - t0);
    all.push(last);
  }
  return { medianMs: median(times), minMs: min(times), last, all };
}

/**
 * A child script that times, from inside a fresh process, what a Lambda cold start pays for our code: require of
 * the bundle, then the first invocation of its handler on a macro event read beforehand (the Lambda runtime hands
 * the handler an already parsed event).
 */
export const HANDLER_PROBE = `
'use strict';
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
const t0 = performance.now();
const mod = require(bundle);
const t1 = performance.now();
Promise.resolve(mod.handler(event, { awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 }))
  .then((res) => {
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ loadMs: t1 - t0, firstMs: t2 - t1, status: res && res.status,
      errorMessage: res && res.errorMessage }));
  })
  .catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exitCode = 1; });
`;
