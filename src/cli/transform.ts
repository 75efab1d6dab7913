import type { Json } from '../model/json';
import type { TemplateSourceMap } from '../parse/source-map';
import type { Diagnostic } from '../diagnostics/types';
import { parseTransformArgs } from './args';
import type { CliIO } from './io';
import { ioErrorText } from './io';

/** `sam-auth transform`: read, parse, transform, drop SamAuth from Transform, write. Returns the exit code. */
export async function runTransform(argv: string[], io: CliIO): Promise<number> {
  const parsedArgs = parseTransformArgs(argv);
  if (!parsedArgs.ok) {
    io.stderr.write(`sam-auth transform: ${parsedArgs.message}\nUsage: sam-auth transform <file|-> [--format json|yaml] [-o FILE] [--region R] [--parameter-overrides K=V ...]\n`);
    return 2;
  }
  const args = parsedArgs.value;
  if (args.help) {
    io.stdout.write((require('./help') as typeof import('./help')).TRANSFORM_HELP);
    return 0;
  }

  const name = args.input === '-' ? '<stdin>' : args.input;
  let bytes: Uint8Array;
  try {
    bytes = args.input === '-' ? await io.stdin() : await io.readFile(args.input);
  } catch (error) {
    io.stderr.write(`sam-auth: cannot read ${name}: ${ioErrorText(error)}\n`);
    return 2;
  }

  const { parseTemplate } = require('../parse/index') as typeof import('../parse/index');
  const parsed = parseTemplate(bytes, name);
  if (!parsed.ok) {
    report(io, name, parsed.diagnostics, parsed.sourceMap);
    return 1;
  }

  const { transform } = require('../transform') as typeof import('../transform');
  const result = transform(parsed.template, {
    parameterValues: args.parameters,
    sourceMap: parsed.sourceMap,
    ...(args.region !== undefined ? { region: args.region } : {}),
  });
  const diagnostics = [...parsed.diagnostics, ...result.diagnostics];
  report(io, name, diagnostics, parsed.sourceMap, parsed.template);
  if (result.fragment === undefined || diagnostics.some((d) => d.severity === 'error')) return 1;

  const { withoutMacroTransform } = require('../macro/transform-section') as typeof import('../macro/transform-section');
  const { serialize } = require('../emit/serialize') as typeof import('../emit/serialize');
  const text = serialize(withoutMacroTransform(result.fragment), args.format);
  if (args.output === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    await io.writeFile(args.output, text);
  } catch (error) {
    io.stderr.write(`sam-auth: cannot write ${args.output}: ${ioErrorText(error)}\n`);
    return 2;
  }
  return 0;
}

function report(io: CliIO, file: string, diagnostics: Diagnostic[], sourceMap?: TemplateSourceMap, template?: Json): void {
  if (diagnostics.length === 0) return;
  const { formatDiagnostics } = require('../diagnostics/format/text') as typeof import('../diagnostics/format/text');
  const sourceLine = sourceMap ? (line: number) => sourceMap.lineText(line) : undefined;
  io.stderr.write(formatDiagnostics(diagnostics, { file, sourceMap, template, sourceLine }));
}
