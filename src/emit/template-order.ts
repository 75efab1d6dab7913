/**
 * The orders SAM walks a template in, which fix the order events edit a definition (and so its Deployment id).
 * They depend on the whole `Resources` table, not on one API: `TemplateOrder` computes each once per template
 * and every API's lowering reads it (a template with 20 APIs and 300 functions would otherwise rebuild the
 * `Resources` table 40 times).
 *
 *   - `Resources` is a Py27Dict: SAM visits functions and state machines in its 2.7 order. The implicit API
 *     plugins change that table first: the REST one adds `ServerlessRestApi` before it walks the resources
 *     (the 'plugin' pass) and deletes it afterwards when no event used it; the HTTP one then does the same with
 *     `ServerlessHttpApi`; the translation ('translate' pass) sees what is left.
 *   - A resource's `Events` is a Py27Dict too. The implicit API plugin copies the Api events into a new Py27Dict
 *     (`_get_api_events`, in `Events` order) and adds their paths in that dict's order ('plugin'); it then
 *     writes them back (`Events.update(api_events)`, a merge that may grow the table), and the resource's
 *     translation visits `Events` in the order that leaves ('translate'). HttpApi events go through the HTTP
 *     plugin's copy and merge as well, after the REST plugin's ('http').
 */
import type { Route } from '../model/auth';
import type { JsonObject } from '../model/json';
import { isObject } from '../model/json';
import { Py27Keys } from './deployment-hash/index';
import type { U64 } from './deployment-hash/py27-hash';

export type ResourcePass = 'plugin' | 'translate';
/** Which of SAM's walks over a resource's `Events` (see the header). */
export type EventPass = ResourcePass | 'http';

/** Position of each name in an order (a name it lacks ranks -1, as `indexOf` would). */
type Rank = ReadonlyMap<string, number>;

const rankOf = (rank: Rank, name: string): number => rank.get(name) ?? -1;

function ranked(order: readonly string[]): Rank {
  const rank = new Map<string, number>();
  order.forEach((name, i) => {
    if (!rank.has(name)) rank.set(name, i);
  });
  return rank;
}

/** Whether any function or state machine has an event of `type` without `idProperty` (SAM's implicit API). */
function hasImplicitEvent(resources: JsonObject, type: string, idProperty: string): boolean {
  return Object.values(resources).some((resource) => {
    if (!isObject(resource) || !isObject(resource.Properties) || !isObject(resource.Properties.Events)) return false;
    if (resource.Type !== 'AWS::Serverless::Function' && resource.Type !== 'AWS::Serverless::StateMachine') return false;
    return Object.values(resource.Properties.Events).some(
      (event) => isObject(event) && event.Type === type && !(isObject(event.Properties) && event.Properties[idProperty] !== undefined),
    );
  });
}

/** `Resources`' 2.7 order in SAM's plugin or translation pass (see the header). */
export function py27ResourceOrder(resources: JsonObject, pass: ResourcePass, hashes: Map<string, U64> = new Map()): string[] {
  const table = Py27Keys.of(Object.keys(resources), hashes);
  const temporary = (id: string, used: () => boolean): void => {
    if (id in resources) return;
    table.add(id);
    if (pass === 'translate' && !used()) table.remove(id);
  };
  temporary('ServerlessRestApi', () => hasImplicitEvent(resources, 'Api', 'RestApiId'));
  if (pass === 'translate') temporary('ServerlessHttpApi', () => hasImplicitEvent(resources, 'HttpApi', 'ApiId'));
  return table.keys();
}

/**
 * The orders of `events`' names in SAM's walks (see the header): the REST plugin's and the translation's
 * (`rest`, one table for both), or the translation's after the HTTP plugin's too (`http`).
 */
function py27EventNames(events: JsonObject, passes: 'rest' | 'http', hashes: Map<string, U64>): string[][] {
  const table = Py27Keys.of(Object.keys(events), hashes);
  const copyOf = (type: string): string[] =>
    table.keys().filter((name) => {
      const event = events[name];
      return isObject(event) && event.Type === type;
    });
  if (passes === 'rest') {
    const pluginOrder = Py27Keys.of(copyOf('Api'), hashes).keys();
    table.merge(pluginOrder);
    return [pluginOrder, table.keys()];
  }
  for (const type of ['Api', 'HttpApi']) {
    const copied = copyOf(type);
    if (copied.length > 0) table.merge(Py27Keys.of(copied, hashes).keys());
  }
  return [table.keys()];
}

/** SAM's walk orders over one template's `Resources`, each computed on first use. */
export class TemplateOrder {
  private readonly resourceRanks = new Map<ResourcePass, Rank>();
  private readonly eventRanks = new Map<string, Rank>();
  /** Each name's hash, computed once for every table of the template. */
  private readonly hashes = new Map<string, U64>();

  constructor(readonly resources: JsonObject) {}

  /** Owners (logical ids) in `Resources`' 2.7 order for `pass`; stable for ids it does not know. */
  sortOwners(owners: Iterable<string>, pass: ResourcePass): string[] {
    let rank = this.resourceRanks.get(pass);
    if (rank === undefined) {
      rank = ranked(py27ResourceOrder(this.resources, pass, this.hashes));
      this.resourceRanks.set(pass, rank);
    }
    const r = rank;
    return [...owners].sort((a, b) => rankOf(r, a) - rankOf(r, b));
  }

  /** Items of one owner in the 2.7 order of its `Events` for `pass`, by their event names; stable otherwise. */
  sortEvents<T>(owner: string, items: T[], name: (item: T) => string, pass: EventPass): T[] {
    const key = pass + '\u0000' + owner;
    let rank = this.eventRanks.get(key);
    if (rank === undefined) {
      const resource = this.resources[owner];
      const events = isObject(resource) && isObject(resource.Properties) && isObject(resource.Properties.Events) ? resource.Properties.Events : {};
      if (pass === 'http') this.eventRanks.set(key, ranked((py27EventNames(events, 'http', this.hashes)[0] as string[])));
      else {
        const [plugin, translate] = py27EventNames(events, 'rest', this.hashes) as [string[], string[]];
        this.eventRanks.set('plugin\u0000' + owner, ranked(plugin));
        this.eventRanks.set('translate\u0000' + owner, ranked(translate));
      }
      rank = this.eventRanks.get(key) as Rank;
    }
    if (items.length < 2) return items;
    // Each item's rank looked up once, not per comparison (Array.prototype.sort is stable).
    const at = items.map((item) => rankOf(rank, name(item)));
    const sorted = items.map((_, i) => i).sort((a, b) => (at[a] as number) - (at[b] as number));
    return sorted.map((i) => items[i] as T);
  }

  /**
   * `items` (each belonging to one owner's event) grouped by owner in `Resources`' order, each owner's in its
   * `Events`' order: SAM's plugin ('plugin') or translation ('translate', 'http') walk.
   */
  eventWalk<T>(items: readonly T[], route: (item: T) => Route, pass: EventPass): T[] {
    const byOwner = new Map<string, T[]>();
    for (const item of items) {
      const owner = route(item).owner;
      const list = byOwner.get(owner);
      if (list === undefined) byOwner.set(owner, [item]);
      else list.push(item);
    }
    const resourcePass: ResourcePass = pass === 'plugin' ? 'plugin' : 'translate';
    return this.sortOwners(byOwner.keys(), resourcePass).flatMap((owner) =>
      this.sortEvents(owner, byOwner.get(owner) as T[], (item) => route(item).eventName, pass),
    );
  }
}

/**
 * The order SAM visits an API's Api events in ('plugin': adding their paths; 'translate': translating them).
 * `order` carries what the whole template shares; pass it when lowering more than one API.
 */
export function py27EventOrder(routes: Route[], resources: JsonObject, pass: ResourcePass = 'plugin', order = new TemplateOrder(resources)): Route[] {
  return order.eventWalk(routes, (r) => r, pass);
}
