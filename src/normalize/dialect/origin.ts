import type { JsonPath } from '../../model/json';

/**
 * Where each part of the desugared template was written. An entry maps a path of the desugared template (and
 * everything below it) to the path the user wrote; the longest matching entry wins, and paths no entry covers
 * are where they were.
 */
export class OriginTable {
  private readonly entries: { to: JsonPath; from: JsonPath }[] = [];

  add(to: JsonPath, from: JsonPath): void {
    this.entries.push({ to, from });
  }

  /** A frozen lookup function; later `add`s do not change it. */
  lookup(): (path: JsonPath) => JsonPath {
    const entries = [...this.entries].sort((a, b) => b.to.length - a.to.length);
    return (path) => {
      for (const { to, from } of entries) {
        if (isPrefix(to, path)) return [...from, ...path.slice(to.length)];
      }
      return path;
    };
  }
}

/** Segments compare as strings: a JSON pointer turned back into a path has its array indexes as strings. */
function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, i) => String(segment) === String(path[i]));
}
