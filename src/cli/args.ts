import type { OutputFormat } from '../emit/serialize';

/** `sam-auth transform` arguments, parsed. */
export interface TransformArgs {
  /** A path, or `-` for standard input. */
  input: string;
  format: OutputFormat;
  /** Write the template here instead of stdout. */
  output?: string;
  /** --parameter-overrides, in the order given (a later value for a key wins). */
  parameters: Record<string, string>;
  /**
   * --region: the stack's Region, which the macro learns from CloudFormation. SAM resolves `AWS::Region` in
   * an API's Auth, Domain and BinaryMediaTypes, so a preview needs it to match the deployed template.
   */
  region?: string;
  help: boolean;
}

export type ArgsResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * `<file|-> [--format json|yaml] [-o FILE] [--parameter-overrides K=V …]`, options anywhere, `--opt=value`
 * too, `--` ends options. --parameter-overrides takes every following argument that looks like a pair:
 * `Key=Value`, or SAM CLI's `ParameterKey=Key,ParameterValue=Value`. With no --format, `-o x.yaml` / `.yml`
 * picks yaml.
 */
export function parseTransformArgs(argv: readonly string[]): ArgsResult<TransformArgs> {
  const positional: string[] = [];
  const parameters: Record<string, string> = Object.create(null) as Record<string, string>;
  let format: OutputFormat | undefined;
  let output: string | undefined;
  let region: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '-f':
      case '--format': {
        const value = takeValue();
        if (value !== 'json' && value !== 'yaml') {
          return { ok: false, message: `--format expects json or yaml, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` };
        }
        format = value;
        break;
      }
      case '-o':
      case '--output': {
        const value = takeValue();
        if (value === undefined || value === '') return { ok: false, message: `${name} expects a file name` };
        output = value;
        break;
      }
      case '--region': {
        const value = takeValue();
        if (value === undefined || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) {
          return { ok: false, message: `--region expects a Region name such as us-east-1, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` };
        }
        region = value;
        break;
      }
      case '--parameter-overrides': {
        const values = inline !== undefined ? [inline] : [];
        while (inline === undefined && i + 1 < argv.length && !argv[i + 1].startsWith('-') && argv[i + 1].includes('=')) values.push(argv[++i]);
        if (values.length === 0) return { ok: false, message: '--parameter-overrides expects at least one KEY=VALUE' };
        for (const pair of values) {
          const parsed = parseParameterPair(pair);
          if (!parsed.ok) return parsed;
          parameters[parsed.value[0]] = parsed.value[1];
        }
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `unknown option ${arg}` };
        positional.push(arg);
    }
  }
  if (help) return { ok: true, value: { input: '', format: 'json', parameters: { ...parameters }, help } };
  if (positional.length === 0) return { ok: false, message: 'missing the template file (or - for standard input)' };
  if (positional.length > 1) return { ok: false, message: `one template at a time; got ${positional.length}: ${positional.join(' ')}` };
  const inferred: OutputFormat = output !== undefined && /\.ya?ml$/i.test(output) ? 'yaml' : 'json';
  const value: TransformArgs = { input: positional[0], format: format ?? inferred, parameters: { ...parameters }, help };
  if (region !== undefined) value.region = region;
  if (output !== undefined) value.output = output;
  return { ok: true, value };
}

function parseParameterPair(pair: string): ArgsResult<[string, string]> {
  const sam = /^ParameterKey=([^,]*),ParameterValue=(.*)$/s.exec(pair);
  if (sam) {
    if (sam[1] === '') return { ok: false, message: `--parameter-overrides: empty ParameterKey in ${JSON.stringify(pair)}` };
    return { ok: true, value: [sam[1], sam[2]] };
  }
  const eq = pair.indexOf('=');
  if (eq < 0) return { ok: false, message: `--parameter-overrides expects KEY=VALUE, got ${JSON.stringify(pair)}` };
  const key = pair.slice(0, eq);
  if (!/^[A-Za-z0-9]+$/.test(key)) {
    return { ok: false, message: `--parameter-overrides: ${JSON.stringify(key)} is not a parameter name (letters and digits only)` };
  }
  return { ok: true, value: [key, pair.slice(eq + 1)] };
}
