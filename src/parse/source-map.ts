import type { JsonPath } from '../model/json';
import { toPointer } from '../model/json';
import type { SourceLocation, SourceMap } from '../model/source';

/** Turns offsets into 1-based line:column. Line breaks are \n, \r\n and a lone \r, as in YAML. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** Columns count UTF-16 code units, as editors (and the LSP) do. */
  locate(offset: number, file?: string): SourceLocation {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    const loc: SourceLocation = { line: lo + 1, column: at - this.starts[lo] + 1 };
    if (file !== undefined) loc.file = file;
    return loc;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const end = line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}

/**
 * The parser's SourceMap: offsets of every value and every mapping key, by JSON pointer. Aliases are
 * expanded, so a path under an alias points into the anchored node it copies.
 */
export class TemplateSourceMap implements SourceMap {
  private readonly values = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  /** Pointers of numbers written as floats (`2.0`, `!!float 2`): Python reads them as `float`, JS cannot tell. */
  private readonly floats = new Set<string>();

  constructor(
    readonly lines: LineIndex,
    readonly file?: string,
  ) {}

  setValue(pointer: string, offset: number): void {
    this.values.set(pointer, offset);
  }

  hasValue(pointer: string): boolean {
    return this.values.has(pointer);
  }

  setKey(pointer: string, offset: number): void {
    this.keys.set(pointer, offset);
  }

  markFloat(pointer: string): void {
    this.floats.add(pointer);
  }

  /** True when the number at `path` was written as a float (Python `float`, printed `2.0`). */
  isFloat(path: JsonPath): boolean {
    return this.floats.has(toPointer(path));
  }

  locate(path: JsonPath): SourceLocation | undefined {
    let pointer = toPointer(path);
    for (;;) {
      const offset = this.values.get(pointer);
      if (offset !== undefined) return this.lines.locate(offset, this.file);
      if (pointer === '') return undefined;
      pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    }
  }

  locateKey(path: JsonPath): SourceLocation | undefined {
    const offset = this.keys.get(toPointer(path));
    return offset === undefined ? undefined : this.lines.locate(offset, this.file);
  }

  /** The source line of a location, for a caret under it. */
  lineText(line: number): string {
    return this.lines.lineText(line);
  }
}
