import type { Context } from 'aws-lambda';
import type { Diagnostic } from '../diagnostics/types';
import type { Json, JsonObject } from '../model/json';
import { isObject } from '../model/json';
import { MAX_DEPTH } from '../parse/limits';
import { checkTemplateShape } from '../parse/shape';
import { transformForErrors, type TransformOptions } from '../transform';
import { DEFAULT_MACRO_NAME, withoutMacroTransform } from './transform-section';

/**
 * The CloudFormation macro's Lambda handler (macro-template.yaml: Handler index.handler).
 *
 * CloudFormation sends the template as JSON (it parsed the YAML itself), so nothing here reads YAML and
 * js-yaml stays out of the bundle. For a macro named in the template's Transform section the fragment is
 * "the entire template except for the Transform section" (AWS docs, "Create a CloudFormation macro
 * definition", event mapping): CloudFormation keeps the Transform list and runs the next entries
 * (AWS::Serverless-2016-10-31) itself, so we neither expect nor add a Transform key. Should a fragment carry
 * one anyway (a hand-made test event), our own name is dropped from it, as the offline CLI does.
 *
 * It never throws and never returns part of a fragment: either the whole transformed template, or a
 * failure whose message lists every error with its resource and property path.
 */

/** What CloudFormation sends a macro (not in @types/aws-lambda). */
export interface CloudFormationMacroEvent {
  region: string;
  accountId: string;
  fragment: JsonObject;
  transformId: string;
  params: JsonObject;
  requestId: string;
  templateParameterValues: Record<string, Json>;
}

export type CloudFormationMacroResponse =
  | { requestId: string; status: 'success'; fragment: JsonObject }
  | { requestId: string; status: 'failure'; errorMessage: string };

/** CloudFormation shows errorMessage as the stack event's reason; past this it is cut with a count. */
const MAX_ERROR_MESSAGE = 4000;

export async function handler(event: unknown, _context?: Context): Promise<CloudFormationMacroResponse> {
  return processMacroEvent(event);
}

/** The synchronous core of the handler, for tests and the bench. */
export function processMacroEvent(event: unknown): CloudFormationMacroResponse {
  const requestId = isObject(event) && typeof event.requestId === 'string' ? event.requestId : '';
  const failure = (errorMessage: string): CloudFormationMacroResponse => ({ requestId, status: 'failure', errorMessage });
  try {
    if (!isObject(event)) return failure(`SamAuth: the macro event is ${describe(event)}, not an object`);
    const fragment: unknown = event.fragment;
    if (fragment === undefined) return failure('SamAuth: the macro event has no fragment (the template)');
    const jsonProblem = notJson(fragment);
    if (jsonProblem) return failure(`SamAuth: the fragment is not a JSON template: ${jsonProblem}`);
    const shape = checkTemplateShape(fragment);
    if (!shape.ok) return failure(errorMessage(shape.diagnostics));

    const options: TransformOptions = {};
    const values = event.templateParameterValues;
    if (isObject(values)) options.parameterValues = values;
    if (typeof event.region === 'string') options.region = event.region;
    if (typeof event.accountId === 'string') options.accountId = event.accountId;

    const result = transformForErrors(shape.template, options);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || result.fragment === undefined) {
      return failure(errors.length > 0 ? errorMessage(errors) : 'SamAuth: the transform returned no template');
    }
    const name = typeof event.transformId === 'string' && event.transformId !== '' ? event.transformId : DEFAULT_MACRO_NAME;
    const out = withoutMacroTransform(result.fragment, name);
    // What we return must survive CloudFormation's JSON round trip whole.
    const outProblem = notJson(out);
    if (outProblem) return failure(`SamAuth: internal error, the transformed template is not JSON (${outProblem})`);
    return { requestId, status: 'success', fragment: out };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(`SamAuth: internal error (a bug in sam-auth-macro; please report it): ${detail}`);
  }
}

/** Every error on its own line: resource, JSON path, message, code. No file:line:col: there is no file. */
export function errorMessage(diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map((d) => {
    const where = [d.resource !== undefined ? `resource ${d.resource}` : undefined, d.path !== '' ? `at ${d.path}` : undefined]
      .filter((p) => p !== undefined)
      .join(' ');
    return `${where === '' ? '' : where + ': '}${d.message} [${d.code}]`;
  });
  const head = `SamAuth: ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} in the template:`;
  let text = head;
  for (let i = 0; i < lines.length; i++) {
    const next = `${text}\n${i + 1}) ${lines[i]}`;
    if (next.length > MAX_ERROR_MESSAGE) return `${text}\n… and ${lines.length - i} more`;
    text = next;
  }
  return text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Why a value is not plain JSON data (undefined, a function, a non-finite number, a cycle, a class
 * instance, nesting past MAX_DEPTH), or undefined when it is. Shared sub-objects are fine (checked once).
 */
function notJson(root: unknown): string | undefined {
  const checked = new Set<object>();
  const ancestors = new Set<object>();
  const visit = (value: unknown, depth: number, path: string): string | undefined => {
    const at = path === '' ? '' : ` at ${path}`;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
    if (typeof value === 'number') return Number.isFinite(value) ? undefined : `a non-finite number${at}`;
    if (typeof value !== 'object') return `a ${typeof value}${at}`;
    if (checked.has(value)) return undefined;
    if (ancestors.has(value)) return `a value that contains itself${at}`;
    if (depth > MAX_DEPTH) return `nested more than ${MAX_DEPTH} deep${at}`;
    // Plain objects: a null prototype, or one whose own prototype is null (Object.prototype of any realm).
    const proto = Object.getPrototypeOf(value) as object | null;
    if (!Array.isArray(value) && proto !== null && Object.getPrototypeOf(proto) !== null) return `an object that is not plain data${at}`;
    ancestors.add(value);
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const problem = visit(child, depth + 1, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (problem) return problem;
    }
    ancestors.delete(value);
    checked.add(value);
    return undefined;
  };
  return visit(root, 0, '');
}
