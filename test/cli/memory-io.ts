import type { CliIO } from '../../src/cli/io';

/**
 * An in-memory CliIO for running commands in-process: files by path (a missing one fails like ENOENT),
 * standard input, captured stdout/stderr, and written files (a path under /readonly/ fails like EROFS).
 */
export function memoryIO(files: Record<string, string | Uint8Array> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    async readFile(path) {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    },
    async writeFile(path, text) {
      if (path.startsWith('/readonly/')) throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      written[path] = text;
    },
    stdin: async () => Buffer.from(stdin, 'utf8'),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}
