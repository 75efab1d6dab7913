import type { Diagnostic } from './diagnostics/types';
import { hasErrors } from './diagnostics/make';
import type { Json, JsonObject } from './model/json';
import type { SourceMap } from './model/source';
import { normalize } from './normalize/index';
import { FAILING_RULES, RULES, validate, type Rule } from './validate/index';
import { emit } from './emit/index';
import { checkTemplateLimits, templateLimitErrors } from './emit/limits';
import { desugar, relocate } from './normalize/dialect/index';

export interface TransformOptions {
  /** Template parameter values (CloudFormation's templateParameterValues, or --parameter-overrides). */
  parameterValues?: Record<string, Json>;
  /** The stack's region and account, when known (the macro event carries them). */
  region?: string;
  accountId?: string;
  /**
   * The parser's source map, when the template was parsed from text: the lowering asks it what a JS value
   * forgets and SAM's Deployment id remembers (a number written `2.0` is a Python float).
   */
  sourceMap?: SourceMap;
  /**
   * false: return the lowered template even when CloudFormation would refuse it for its size or resource count
   * (the bench serialises it to measure that cost). Default true: such a template is an error.
   */
  checkLimits?: boolean;
}

export interface TransformResult {
  /** The transformed template; absent when any diagnostic is an error (never a partial template). */
  fragment?: JsonObject;
  diagnostics: Diagnostic[];
}

/**
 * The transform core, shared by the CLI and the macro: parse has already happened; this normalizes the
 * template's auth into one model, validates it, and lowers every REST API that carries auth.
 * Pure: no I/O, no clock, no environment. Same input, same output.
 */
export function transform(template: JsonObject, options: TransformOptions = {}): TransformResult {
  return transformWith(EVERY_FINDING, template, options);
}

/** What a run checks beyond lowering, and so what it can report: every finding, or only errors. */
interface Checks {
  /** The rules beyond the schema. */
  rules: readonly Rule[];
  /** CloudFormation's quotas on the processed template. */
  limits: (template: JsonObject) => Diagnostic[];
}
const EVERY_FINDING: Checks = { rules: RULES, limits: checkTemplateLimits };
const ERRORS_ONLY: Checks = { rules: FAILING_RULES, limits: templateLimitErrors };

/**
 * `transform` with only the errors: the same template or the same errors, without the warnings and
 * infos of the rules beyond the schema (FAILING_RULES) and of the template limits. What the macro runs:
 * CloudFormation shows no warnings, and the Lambda bundle then carries no code that only warns.
 */
export function transformForErrors(template: JsonObject, options: TransformOptions = {}): TransformResult {
  return transformWith(ERRORS_ONLY, template, options);
}

function transformWith(checks: Checks, template: JsonObject, options: TransformOptions): TransformResult {
  // The concise dialect (RFC spelling, AWS::Serverless::ApiAuthorizer, Chalice) becomes SAM's spelling first;
  // what later phases find is reported where the user wrote it.
  const desugared = desugar(template);
  if (hasErrors(desugared.diagnostics)) return { diagnostics: desugared.diagnostics };
  const lowered = lowerSam(desugared.template, options, checks);
  return { ...lowered, diagnostics: [...desugared.diagnostics, ...relocate(lowered.diagnostics, desugared.origin)] };
}

function lowerSam(template: JsonObject, options: TransformOptions, checks: Checks): TransformResult {
  // SAM inlines template parameters (given values, else Defaults) in an API's Auth, Domain, BinaryMediaTypes.
  const normalized = normalize(template, { parameterValues: options.parameterValues, region: options.region });
  const diagnostics: Diagnostic[] = [...normalized.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };
  diagnostics.push(...validate(normalized.model, template, checks.rules));
  if (hasErrors(diagnostics)) return { diagnostics };
  const emitted = emit(normalized.model, template, options);
  diagnostics.push(...emitted.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  // Refuse what CloudFormation would refuse at deploy time (1 MB, 500 resources), with the size and overshoot.
  if (options.checkLimits !== false) diagnostics.push(...checks.limits(emitted.fragment));
  if (hasErrors(diagnostics)) return { diagnostics };
  return { fragment: emitted.fragment, diagnostics };
}
