import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';

/**
 * Copy-on-write edits of a template: the input is never mutated, and every node off the edited paths keeps its
 * identity, so a template with nothing to desugar comes back as the very same object.
 */
export class TemplateDraft {
  private root: JsonObject;
  /** Nodes this draft created by copying; only these may be written in place. */
  private readonly own = new WeakSet<object>();

  constructor(template: JsonObject) {
    this.root = template;
  }

  get result(): JsonObject {
    return this.root;
  }

  get(path: JsonPath): Json | undefined {
    let node: Json | undefined = this.root;
    for (const segment of path) {
      if (Array.isArray(node)) node = node[Number(segment)];
      else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
      else return undefined;
    }
    return node;
  }

  /** Sets the value at `path`, creating maps for missing parents. */
  set(path: JsonPath, value: Json): void {
    if (path.length === 0) throw new Error('TemplateDraft.set: empty path');
    const parent = this.ownContainer(path.slice(0, -1));
    const last = path[path.length - 1];
    if (Array.isArray(parent)) parent[Number(last)] = value;
    else parent[String(last)] = value;
  }

  /** Removes the map entry at `path`, when there is one. */
  remove(path: JsonPath): void {
    if (path.length === 0 || this.get(path) === undefined) return;
    const parent = this.ownContainer(path.slice(0, -1));
    if (Array.isArray(parent)) throw new Error('TemplateDraft.remove: array element');
    delete parent[String(path[path.length - 1])];
  }

  /** The container at `path`, copied (with all its ancestors) if this draft does not own it yet. */
  private ownContainer(path: JsonPath): JsonObject | Json[] {
    this.root = this.owned(this.root) as JsonObject;
    let node: JsonObject | Json[] = this.root;
    for (const segment of path) {
      const child: Json | undefined = Array.isArray(node) ? node[Number(segment)] : node[String(segment)];
      const next = this.owned(isObject(child) || Array.isArray(child) ? child : {});
      if (Array.isArray(node)) node[Number(segment)] = next;
      else node[String(segment)] = next;
      node = next;
    }
    return node;
  }

  private owned(node: JsonObject | Json[]): JsonObject | Json[] {
    if (this.own.has(node)) return node;
    const copy = Array.isArray(node) ? [...node] : { ...node };
    this.own.add(copy);
    return copy;
  }
}
