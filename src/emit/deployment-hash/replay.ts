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
 * A history in the trie of histories: the steps from the root lead here, without a trailing run of rebuilds (a
 * dict holds that run as a count). Every dict with the same history points at the same node, so what a replay
 * learns (the order, the rebuilds that follow from it) is learnt once for all of them, and recording a step is a
 * move down the trie rather than a new object per dict.
 */
export interface History {
  readonly parent: History | undefined;
  /** The step from `parent` to here (undefined at the root). */
  readonly step: KeyOp | undefined;
  /**
   * The children by step: the first one made, then the others by op and by key (insert, delete), `times`
   * (rebuild) or `count` (merge). Most nodes have one child: no map for them.
   */
  first?: History;
  next?: { [op in KeyOp['op']]?: Map<string | number, History> };
  copy?: History;
  /** The 2.7 order this history gives, once replayed. */
  order?: readonly string[];
  /** The orders the rebuilds of a table in `order` go through, once asked. */
  run?: RebuildRun;
  /** The live keys in insertion order (a plain dict's order), once asked. */
  insertion?: readonly string[];
}

/**
 * What replaying histories learns and reuses: each key's hash, the trie of histories (see `History`), and for
 * each order a rebuild starts from, the orders the rebuilds go through (they cycle with a small period: 1, 2,
 * 4...). The dicts of one Body share few key sets, so most replays find their rebuilds done.
 */
export class ReplayMemo {
  readonly hashes = new Map<string, U64>();
  /** Runs by starting order, one key per level (no string built per lookup). */
  private readonly runs: RunTrie = {};
  /** The empty history, where every dict starts. */
  readonly root: History = { parent: undefined, step: undefined };

  /** The history `node` followed by `step` (the step is kept when the node is new). */
  then(node: History, step: KeyOp): History {
    if (step.op === 'copy') return (node.copy ??= { parent: node, step });
    return this.child(node, step.op, stepArg(step), step);
  }

  /** `then(node, { op, key })`, making the step only for a new node (most steps lead to a node already made). */
  thenKey(node: History, op: 'insert' | 'delete', key: string): History {
    return this.child(node, op, key, undefined);
  }

  /** The child of `node` by the step `op` with `arg` (see `stepArg`); `step` made when undefined (insert, delete). */
  private child(node: History, op: Exclude<KeyOp['op'], 'copy'>, arg: string | number, step: KeyOp | undefined): History {
    const first = node.first;
    if (first === undefined) return (node.first = { parent: node, step: step ?? ({ op, key: arg } as KeyOp) });
    const firstStep = first.step as Exclude<KeyOp, { op: 'copy' }>;
    if (firstStep.op === op && stepArg(firstStep) === arg) return first;
    const map = ((node.next ??= {})[op] ??= new Map<string | number, History>());
    let child = map.get(arg);
    if (child === undefined) map.set(arg, (child = { parent: node, step: step ?? ({ op, key: arg } as KeyOp) }));
    return child;
  }

  /**
   * The 2.7 order of the history `node` followed by `trailing` rebuilds (shared: do not modify it). The history
   * is replayed once; the rebuilds go through `node`'s run, since a rebuild's result depends only on the order
   * it starts from.
   */
  orderAt(node: History, trailing: number): readonly string[] {
    const order = (node.order ??= replayShared(stepsOf(node), this));
    if (trailing === 0) return order;
    return advance((node.run ??= this.runFrom(order as string[])), trailing, this.hashes);
  }

  /** The 2.7 order after `times` rebuilds of a table iterating in `order` (shared: do not modify it). */
  afterRebuilds(order: string[], times: number): readonly string[] {
    if (times === 0) return order;
    return advance(this.runFrom(order), times, this.hashes);
  }

  /** The run of rebuilds starting from `order`, shared by every caller that starts there. */
  private runFrom(order: string[]): RebuildRun {
    let node = this.runs;
    for (const key of order) {
      let child: RunTrie | undefined;
      if (node.firstKey === key) child = node.first;
      else if (node.first === undefined) {
        node.firstKey = key;
        child = node.first = {};
      } else {
        const children = (node.children ??= new Map());
        child = children.get(key);
        if (child === undefined) children.set(key, (child = {}));
      }
      node = child as RunTrie;
    }
    return (node.run ??= { orders: [order], start: 0, period: 0 });
  }
}

/**
 * The 2.7 order the history `log` gives through `memo` (shared: do not modify it): its node in the trie (found
 * step by step, as a dict records it), then its trailing run of rebuilds. (The provenance keeps nodes, not logs:
 * this is for a log written out, as the tests write them.)
 */
export function orderOfLog(memo: ReplayMemo, log: readonly KeyOp[]): readonly string[] {
  const lastStep = log[log.length - 1];
  const trailing = lastStep !== undefined && lastStep.op === 'rebuild' ? (lastStep.times ?? 1) : 0;
  let node = memo.root;
  for (let i = 0; i < (trailing > 0 ? log.length - 1 : log.length); i++) node = memo.then(node, log[i] as KeyOp);
  return memo.orderAt(node, trailing);
}

/** What tells a step from the others of its op: the key, the count of a merge, the times of a rebuild. */
function stepArg(step: Exclude<KeyOp, { op: 'copy' }>): string | number {
  return step.op === 'merge' ? step.count : step.op === 'rebuild' ? (step.times ?? 1) : step.key;
}

/** The steps from the root to `node`. */
export function stepsOf(node: History): KeyOp[] {
  const steps: KeyOp[] = [];
  for (let n: History | undefined = node; n?.step !== undefined; n = n.parent) steps.push(n.step);
  return steps.reverse();
}

/** The order after `times` rebuilds along `run`, extending it until it cycles or reaches `times`. */
function advance(run: RebuildRun, times: number, hashes: Map<string, U64>): readonly string[] {
  // A rebuild's result depends only on the order it starts from: once an order repeats, they cycle.
  while (run.period === 0 && run.orders.length <= times) {
    const next = Py27Keys.of(run.orders[run.orders.length - 1] as string[], hashes).keys();
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

/**
 * A trie of starting orders: the node reached by an order's keys holds that order's run. A node's first child
 * is held inline (most orders share no prefix with another past their first keys): a map only for the others.
 */
interface RunTrie {
  firstKey?: string;
  first?: RunTrie;
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
