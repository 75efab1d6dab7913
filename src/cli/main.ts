import type { CliIO } from './io';

/**
 * `sam-auth` entry point: a small subcommand dispatcher. Returns the exit code (0 success, 1 the template
 * has errors, 2 usage or I/O error, 70 internal error); never throws. Subcommands are required on demand,
 * so `--version` and `--help` load neither js-yaml nor the transform.
 */
export async function main(argv: readonly string[], io?: CliIO): Promise<number> {
  const cli = io ?? (require('./io') as typeof import('./io')).nodeIO();
  try {
    return await dispatch([...argv], cli);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    cli.stderr.write(`sam-auth: internal error (a bug, please report it with the template that caused it)\n${detail}\n`);
    return 70;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '--version':
    case '-v':
      io.stdout.write(`${version()}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write((require('./help') as typeof import('./help')).MAIN_HELP);
      return 0;
    case 'transform':
      return (require('./transform') as typeof import('./transform')).runTransform(rest, io);
    case 'validate':
      return (require('./validate') as typeof import('./validate')).runValidate(rest, io);
    case undefined:
      io.stderr.write((require('./help') as typeof import('./help')).MAIN_HELP);
      return 2;
    default:
      io.stderr.write(`sam-auth: unknown command ${JSON.stringify(command)}; try sam-auth --help\n`);
      return 2;
  }
}

/** The package version; package.json sits two levels up from both src/cli and dist/cli. */
function version(): string {
  const pkg = require('../../package.json') as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
