/**
 * A parser for the Python literals SAM prints when it hashes a Body (`str(swagger)`): dicts, lists, `u'…'` and
 * `'…'` strings, ints, floats, True/False/None. It keeps what JSON loses: which strings were unicode, which
 * numbers were floats, and the order dict entries were printed in.
 */
export type PyValue =
  | { t: 'dict'; entries: { key: PyStr; value: PyValue }[] }
  | { t: 'list'; items: PyValue[] }
  | PyStr
  | { t: 'int'; value: bigint; long: boolean }
  | { t: 'float'; value: number; text: string }
  | { t: 'const'; value: true | false | null };

export interface PyStr {
  t: 'str';
  value: string;
  unicode: boolean;
}

/** Parses one literal at the start of `text`; returns it and the offset just past it. */
export function parsePythonLiteral(text: string, start = 0): { value: PyValue; end: number } {
  let pos = start;

  const fail = (what: string): never => {
    throw new Error(`python literal: ${what} at ${pos}: ${JSON.stringify(text.slice(pos, pos + 40))}`);
  };
  const expect = (s: string): void => {
    if (!text.startsWith(s, pos)) fail(`expected ${JSON.stringify(s)}`);
    pos += s.length;
  };

  const parseString = (): PyStr => {
    let unicode = false;
    if (text[pos] === 'u') {
      unicode = true;
      pos++;
    }
    const quote = text[pos];
    if (quote !== "'" && quote !== '"') return fail('expected a quote');
    pos++;
    let value = '';
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) return fail('unterminated string');
      if (ch === quote) {
        pos++;
        return { t: 'str', value, unicode };
      }
      if (ch !== '\\') {
        const cp = text.codePointAt(pos) as number;
        value += String.fromCodePoint(cp);
        pos += cp > 0xffff ? 2 : 1;
        continue;
      }
      const esc = text[pos + 1];
      pos += 2;
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r' };
      const width = esc === 'x' ? 2 : esc === 'u' ? 4 : esc === 'U' ? 8 : 0;
      if (esc !== undefined && esc in simple) value += simple[esc];
      else if (width > 0) {
        value += String.fromCodePoint(parseInt(text.slice(pos, pos + width), 16));
        pos += width;
      } else fail(`unknown escape \\${esc}`);
    }
  };

  const parseValue = (): PyValue => {
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      const entries: { key: PyStr; value: PyValue }[] = [];
      while (text[pos] !== '}') {
        if (entries.length > 0) expect(', ');
        const key = parseValue();
        if (key.t !== 'str') return fail('a non-string dict key');
        expect(': ');
        entries.push({ key, value: parseValue() });
      }
      pos++;
      return { t: 'dict', entries };
    }
    if (ch === '[') {
      pos++;
      const items: PyValue[] = [];
      while (text[pos] !== ']') {
        if (items.length > 0) expect(', ');
        items.push(parseValue());
      }
      pos++;
      return { t: 'list', items };
    }
    if (ch === "'" || ch === '"' || (ch === 'u' && (text[pos + 1] === "'" || text[pos + 1] === '"'))) return parseString();
    for (const [word, value] of [['True', true], ['False', false], ['None', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { t: 'const', value };
      }
    }
    const m = /^-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|inf|nan)L?/.exec(text.slice(pos, pos + 64));
    if (!m) return fail('unexpected token');
    pos += m[0].length;
    const num = m[0];
    if (/^-?\d+L?$/.test(num)) return { t: 'int', value: BigInt(num.replace('L', '')), long: num.endsWith('L') };
    return { t: 'float', value: Number(num), text: num };
  };

  const value = parseValue();
  return { value, end: pos };
}
