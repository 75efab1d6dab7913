import type { JsonPath } from './json';

/** A place in a source file; line and column are 1-based. */
export interface SourceLocation {
  file?: string;
  line: number;
  column: number;
}

/**
 * Where each node of a parsed template came from. Filled by the parser, read by the CLI to turn a
 * diagnostic's JSON path into file:line:col. The pure phases never need it.
 */
export interface SourceMap {
  /** The location of the node at `path` (its value), or of the nearest ancestor that has one. */
  locate(path: JsonPath): SourceLocation | undefined;
  /** The location of the key of the mapping entry at `path`, when it has one. */
  locateKey(path: JsonPath): SourceLocation | undefined;
  /** Whether the number at `path` was written as a float (`2.0`), which Python (so SAM) keeps apart from `2`. */
  isFloat?(path: JsonPath): boolean;
}
