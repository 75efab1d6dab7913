/**
 * Template parameter resolution as SAM does it before it lowers an API (translator.py + intrinsics/):
 * the values given (CloudFormation's templateParameterValues, the CLI's --parameter-overrides), else each
 * parameter's `Default`, plus `AWS::Region` / `AWS::Partition` when the region is known. SAM inlines them
 * only inside some properties of an `AWS::Serverless::Api` (after Globals): `Auth`, `Domain` and
 * `BinaryMediaTypes` (SamApi.to_cloudformation). Everything else reaches CloudFormation as written.
 *
 * What is resolved: `{Ref: P}` becomes P's value; in `Fn::Sub`'s string (or the string of its list form),
 * `${P}` becomes P's value, which must then be a string. `Fn::GetAtt` and other refs stay. SAM walks
 * depth-first, resolving a node before looking inside what it became.
 */
import type { Diagnostic } from '../diagnostics/types';
import { pythonRepr } from '../model/python';
import { diagnostic } from '../diagnostics/make';
import type { Json, JsonObject, JsonPath } from '../model/json';
import { isObject } from '../model/json';

/** SAM's SamApi properties that it resolves parameters in. */
export const RESOLVED_API_PROPERTIES = ['BinaryMediaTypes', 'Domain', 'Auth'] as const;

export interface ParameterInputs {
  parameterValues?: Record<string, Json>;
  region?: string;
}

/** SAM's `${...}` reference inside an Fn::Sub string. */
const SUB_REFERENCE = /\$\{([A-Za-z0-9.]+|AWS::[A-Z][A-Za-z]*)\}/g;

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** The parameter values SAM resolves with: given values win over the template's Defaults. */
export function parameterValues(template: JsonObject, inputs: ParameterInputs): Map<string, Json> {
  const values = new Map<string, Json>(Object.entries(inputs.parameterValues ?? {}));
  const declared = template.Parameters;
  if (isObject(declared)) {
    for (const [name, declaration] of Object.entries(declared)) {
      if (!values.has(name) && isObject(declaration) && 'Default' in declaration) values.set(name, declaration.Default);
    }
  }
  // SAM takes them from its boto session; without a region we leave them to CloudFormation.
  if (inputs.region !== undefined) {
    if (!values.has('AWS::Region')) values.set('AWS::Region', inputs.region);
    if (!values.has('AWS::Partition')) values.set('AWS::Partition', partitionOf(inputs.region));
  }
  return values;
}

/** The function of a one-key map such as `{ Ref: … }`; other values are not intrinsics here. */
function intrinsicName(value: Json): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : undefined;
}

export interface ResolveResult {
  value: Json;
  diagnostics: Diagnostic[];
}

/**
 * Returns `value` with parameter references resolved (a new value; the input is not changed). `path` is
 * where `value` sits in the template, to locate a `Fn::Sub` whose variable is not a string.
 */
export function resolveParameterRefs(value: Json, values: ReadonlyMap<string, Json>, path: JsonPath, resource?: string): ResolveResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, at: JsonPath): undefined => {
    diagnostics.push(diagnostic('sam/invalid-intrinsic', message, at, resource));
    return undefined;
  };

  const substitute = (text: string, at: JsonPath): string | undefined => {
    let out = text;
    for (const match of text.matchAll(SUB_REFERENCE)) {
      const name = match[1];
      const replacement = values.has(name) ? (values.get(name) as Json) : match[0];
      if (typeof replacement !== 'string') {
        return fail(`Invalid Fn::Sub variable value ${pythonRepr(replacement)}. Fn::Sub expects all variables to be strings.`, at);
      }
      // SAM replaces the first occurrence in the text substituted so far, one match at a time.
      out = out.replace(match[0], () => replacement);
    }
    return out;
  };

  /** One node: resolve it if it is an intrinsic, then walk what it became. */
  const walk = (node: Json, at: JsonPath): Json | undefined => {
    let current = node;
    const name = intrinsicName(current);
    if (name === 'Ref') {
      const target = (current as JsonObject).Ref;
      if (typeof target === 'string' && values.has(target)) current = values.get(target) as Json;
    } else if (name === 'Fn::Sub') {
      // The string form, or the list form [string, variables]: only the string is substituted.
      const sub = (current as JsonObject)['Fn::Sub'];
      const listForm = Array.isArray(sub);
      const template = listForm ? sub[0] : sub;
      if (typeof template === 'string') {
        const text = substitute(template, listForm ? [...at, 'Fn::Sub', 0] : [...at, 'Fn::Sub']);
        if (text === undefined) return undefined;
        current = { 'Fn::Sub': listForm ? [text, ...sub.slice(1)] : text };
      }
    }
    if (Array.isArray(current)) {
      const out: Json[] = [];
      for (let i = 0; i < current.length; i++) {
        const item = walk(current[i], [...at, i]);
        if (item === undefined) return undefined;
        out.push(item);
      }
      return out;
    }
    if (isObject(current)) {
      const out: JsonObject = {};
      for (const [key, child] of Object.entries(current)) {
        const item = walk(child, [...at, key]);
        if (item === undefined) return undefined;
        out[key] = item;
      }
      return out;
    }
    return current;
  };

  const resolved = walk(value, path);
  return { value: resolved === undefined ? value : resolved, diagnostics };
}
