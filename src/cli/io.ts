/**
 * Everything the CLI touches outside the process: injected, so tests run commands in-process with
 * in-memory files. nodeIO() is the real thing.
 */
export interface CliIO {
  stdout: { write(text: string): void };
  stderr: { write(text: string): void };
  /** Whole file as bytes. Rejects (with a Node-style error) when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  /** All of standard input as bytes. */
  stdin(): Promise<Uint8Array>;
}

/**
 * Reads stop a byte past this, enough for the parser to say "too large" without holding a huge or endless
 * input (a device, a runaway pipe) in memory. Kept equal to parse/limits.ts, without importing the parser.
 */
const READ_LIMIT = 10 * 1024 * 1024 + 1;

export function nodeIO(): CliIO {
  // `sam-auth transform t.yaml | head`: a reader that stops early is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readFile: readFileCapped,
    async writeFile(path, text) {
      const fs = require('node:fs/promises') as typeof import('node:fs/promises');
      await fs.writeFile(path, text, 'utf8');
    },
    stdin: () => readStreamCapped(process.stdin),
  };
}

async function readFileCapped(path: string): Promise<Uint8Array> {
  const fs = require('node:fs/promises') as typeof import('node:fs/promises');
  const handle = await fs.open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < READ_LIMIT) {
      const buffer = Buffer.alloc(Math.min(1024 * 1024, READ_LIMIT - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

async function readStreamCapped(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    chunks.push(buffer);
    total += buffer.length;
    if (total >= READ_LIMIT) break;
  }
  return Buffer.concat(chunks).subarray(0, READ_LIMIT);
}

/** A Node error as one line: "no such file or directory" rather than a stack. */
export function ioErrorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent is not a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
  };
  if (typeof e.code === 'string' && messages[e.code]) return messages[e.code];
  return typeof e.message === 'string' ? e.message : String(error);
}
