/**
 * Replaying a Py27Dict's history (its KeyOp log) on a simulated Python 2.7 table gives its iteration order.
 * ReplayMemo keeps what replays learn (key hashes, histories seen, the cycles rebuilds go through), so the many
 * dicts of one Body that share a history are replayed once. provenance.ts records the histories.
 */
import { Py27Keys } from './py27-dict';
import type { U64 } from './py27-hash';

/** One step in the life of a Py27Dict's key table. */
export type KeyOp =
  | { op: 'insert'; key: string }
  | { op: 'delete'; key: string }
  /** `PyDict_Merge`'s presize for `count` incoming keys. */
  | { op: 'merge'; count: number }
  /**
   * `copy.deepcopy`, `times` times in a row (once when absent): each time a fresh table gets the keys one by
   * one in the current 2.7 order.
   */
  | { op: 'rebuild'; times?: number }
  /** `Py27Dict.copy()`: a fresh table gets the current keys through `merge` (presized). */
  | { op: 'copy' };

/**
 * What replaying histories learns and reuses: each key's hash, and for each order a rebuild starts from, the
 * orders the rebuilds go through (they cycle with a small period: 1, 2, 4...). The dicts of one Body share few
 * key sets, so most replays find their rebuilds done.
 */
export class ReplayMemo {
  readonly hashes = new Map<string, U64>();
  /** Runs by starting order, one key per level (no string built per lookup). */
  private readonly runs: RunTrie = {};
  /** Histories replayed so far, one step per level, without a trailing run of rebuilds: the order they give. */
  private readonly histories: HistoryTrie = {};

  /**
   * The 2.7 order `log` gives (shared: do not modify it). A history seen before (many dicts share one: the same
   * keys inserted, then deep-copied) is found step by step instead of replayed on a table; a trailing run of
   * rebuilds goes through `afterRebuilds`, since a rebuild's result depends only on the order it starts from.
   */
  orderOf(log: readonly KeyOp[]): readonly string[] {
    const lastStep = log[log.length - 1];
    const trailing = lastStep !== undefined && lastStep.op === 'rebuild' ? (lastStep.times ?? 1) : 0;
    const end = trailing > 0 ? log.length - 1 : log.length;
    let node = this.histories;
    for (let i = 0; i < end; i++) {
      const step = log[i] as KeyOp;
      // Keyed by the step's key or count as it is: no string is built per step (every history has rebuilds).
      if (step.op === 'insert') node = below(node.inserts ??= new Map(), step.key);
      else if (step.op === 'delete') node = below(node.deletes ??= new Map(), step.key);
      else if (step.op === 'rebuild') node = below(node.rebuilds ??= new Map(), step.times ?? 1);
      else if (step.op === 'merge') node = below(node.merges ??= new Map(), step.count);
      else node = node.copy ??= {};
    }
    const order = (node.order ??= replayShared(end === log.length ? log : log.slice(0, end), this));
    return trailing > 0 ? this.afterRebuilds(order as string[], trailing) : order;
  }

  /** The 2.7 order after `times` rebuilds of a table iterating in `order` (shared: do not modify it). */
  afterRebuilds(order: string[], times: number): readonly string[] {
    if (times === 0) return order;
    let node = this.runs;
    for (const key of order) {
      const children = (node.children ??= new Map());
      let child = children.get(key);
      if (child === undefined) {
        child = {};
        children.set(key, child);
      }
      node = child;
    }
    let run = node.run;
    if (run === undefined) {
      run = { orders: [order], start: 0, period: 0 };
      node.run = run;
    }
    // A rebuild's result depends only on the order it starts from: once an order repeats, they cycle.
    while (run.period === 0 && run.orders.length <= times) {
      const next = Py27Keys.of(run.orders[run.orders.length - 1] as string[], this.hashes).keys();
      for (let j = run.orders.length - 1; j >= 0; j--) {
        if (sameOrder(next, run.orders[j] as string[])) {
          run.start = j;
          run.period = run.orders.length - j;
          break;
        }
      }
      if (run.period === 0) run.orders.push(next);
    }
    if (times < run.orders.length) return run.orders[times] as string[];
    return run.orders[run.start + ((times - run.start) % run.period)] as string[];
  }
}

/** A trie of histories: the node reached by a history's steps holds the order it gives. */
interface HistoryTrie {
  inserts?: Map<string, HistoryTrie>;
  deletes?: Map<string, HistoryTrie>;
  /** rebuild steps by `times`, merge steps by `count`. */
  rebuilds?: Map<number, HistoryTrie>;
  merges?: Map<number, HistoryTrie>;
  copy?: HistoryTrie;
  order?: readonly string[];
}

/** The node below `map`'s `key`, made when missing. */
function below<K>(map: Map<K, HistoryTrie>, key: K): HistoryTrie {
  let node = map.get(key);
  if (node === undefined) {
    node = {};
    map.set(key, node);
  }
  return node;
}

/** A trie of starting orders: the node reached by an order's keys holds that order's run. */
interface RunTrie {
  children?: Map<string, RunTrie>;
  run?: RebuildRun;
}

/** Orders after 0, 1, 2... rebuilds; from `start` on they repeat with `period` (0 while not known yet). */
interface RebuildRun {
  orders: string[][];
  start: number;
  period: number;
}

/** The 2.7 iteration order a Py27Dict history gives: each step replayed on a simulated table. */
export function replayKeyOps(log: readonly KeyOp[], memo: ReplayMemo = new ReplayMemo()): string[] {
  return [...replayShared(log, memo)];
}

/** `replayKeyOps`, possibly returning an order `memo` holds (do not modify it). */
function replayShared(log: readonly KeyOp[], memo: ReplayMemo): readonly string[] {
  let table = new Py27Keys(memo.hashes);
  for (let i = 0; i < log.length; i++) {
    const step = log[i] as KeyOp;
    if (step.op === 'insert') table.add(step.key);
    else if (step.op === 'delete') table.remove(step.key);
    else if (step.op === 'merge') table.presize(step.count);
    else if (step.op === 'rebuild') {
      const times = step.times ?? 1;
      if (i === log.length - 1) return memo.afterRebuilds(table.keys(), times);
      table = Py27Keys.of(memo.afterRebuilds(table.keys(), times - 1), memo.hashes);
    } else {
      const fresh = new Py27Keys(memo.hashes);
      fresh.merge(table.keys());
      table = fresh;
    }
  }
  return table.keys();
}

/**
 * The 2.7 order after `times` rebuilds of a table iterating in `order` (a rebuild's result depends only on the
 * order it starts from). The orders repeat with a small period (1, 2, 4...), so at most one period is computed.
 */
export function afterRebuilds(order: string[], times: number, hashes: Map<string, U64> = new Map()): string[] {
  const memo = new ReplayMemo();
  for (const [key, hash] of hashes) memo.hashes.set(key, hash);
  return [...memo.afterRebuilds(order, times)];
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
