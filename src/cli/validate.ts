import type { Diagnostic } from '../diagnostics/types';
import type { CliIO } from './io';
import { ioErrorText } from './io';

export type ValidateFormat = 'text' | 'json' | 'sarif' | 'github';

export interface ValidateArgs {
  files: string[];
  format: ValidateFormat;
  strict: boolean;
  help: boolean;
}

export const VALIDATE_HELP = `Usage: sam-auth validate <file|-> [<file> ...] [options]

Checks the Auth of every REST API in SAM templates without transforming them: the Auth JSON Schema,
the rules beyond it (unknown or unused authorizers, cache TTL, identity sources, scopes, ARNs, CORS and
auth, ...) and every error the transform would raise. Each finding names its file, line and column.

Options:
  -f, --format text|json|sarif|github  Output (default text: file:line:col: severity CODE message)
      --strict                         Exit 1 on warnings too
  -h, --help                           Show this help

Examples:
  sam-auth validate template.yaml
  sam-auth validate stacks/*.yaml --format sarif > sam-auth.sarif
  sam-auth validate template.yaml --format github --strict     # annotations in a GitHub Actions job

Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.
Every code is explained in docs/diagnostics.md.
`;

const FORMATS: readonly ValidateFormat[] = ['text', 'json', 'sarif', 'github'];

export function parseValidateArgs(argv: readonly string[]): { ok: true; value: ValidateArgs } | { ok: false; message: string } {
  const files: string[] = [];
  let format: ValidateFormat = 'text';
  let strict = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    switch (name) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--strict':
        if (inline !== undefined) return { ok: false, message: '--strict takes no value' };
        strict = true;
        break;
      case '-f':
      case '--format': {
        const value = inline !== undefined ? inline : argv[++i];
        if (!FORMATS.includes(value as ValidateFormat)) {
          return { ok: false, message: `--format expects ${FORMATS.join(', ')}; got ${value === undefined ? 'nothing' : JSON.stringify(value)}` };
        }
        format = value as ValidateFormat;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `unknown option ${arg}` };
        files.push(arg);
    }
  }
  if (!help && files.length === 0) return { ok: false, message: 'missing the template file(s) (or - for standard input)' };
  if (files.filter((f) => f === '-').length > 1) return { ok: false, message: 'standard input (-) can be read only once' };
  return { ok: true, value: { files, format, strict, help } };
}

/** `sam-auth validate`: parse → transform's checks (normalize, validate, emit) → located diagnostics. */
export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseValidateArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`sam-auth validate: ${parsed.message}\nUsage: sam-auth validate <file|-> [<file> ...] [--format text|json|sarif|github] [--strict]\n`);
    return 2;
  }
  const args = parsed.value;
  if (args.help) {
    io.stdout.write(VALIDATE_HELP);
    return 0;
  }

  const { validateSource } = require('../validate/source') as typeof import('../validate/source');
  const all: Diagnostic[] = [];
  let ioFailed = false;
  for (const file of args.files) {
    const name = file === '-' ? '<stdin>' : file;
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await io.stdin() : await io.readFile(file);
    } catch (error) {
      io.stderr.write(`sam-auth: cannot read ${name}: ${ioErrorText(error)}\n`);
      ioFailed = true;
      continue;
    }
    all.push(...validateSource(bytes, name));
  }

  io.stdout.write(render(all, args.format));
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (args.format === 'text') io.stderr.write(summary(all.length, errors, warnings, args.files.length));
  if (ioFailed) return 2;
  return errors > 0 || (args.strict && warnings > 0) ? 1 : 0;
}

function render(diagnostics: Diagnostic[], format: ValidateFormat): string {
  switch (format) {
    case 'json':
      return (require('../diagnostics/format/json') as typeof import('../diagnostics/format/json')).formatJson(diagnostics);
    case 'sarif':
      return (require('../diagnostics/format/sarif') as typeof import('../diagnostics/format/sarif')).formatSarif(diagnostics, { version: packageVersion() });
    case 'github':
      return (require('../diagnostics/format/github') as typeof import('../diagnostics/format/github')).formatGithub(diagnostics);
    case 'text':
      return (require('../diagnostics/format/text') as typeof import('../diagnostics/format/text')).formatDiagnostics(diagnostics);
  }
}

function summary(total: number, errors: number, warnings: number, files: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (total === 0) return `sam-auth: ${plural(files, 'file')} checked, no problems\n`;
  return `sam-auth: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(total - errors - warnings, 'note')} in ${plural(files, 'file')}\n`;
}

function packageVersion(): string | undefined {
  const pkg = require('../../package.json') as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : undefined;
}
