import type { Diagnostic } from '../diagnostics/types';
import type { AuthModel } from '../model/auth';
import type { JsonObject } from '../model/json';
import type { TransformOptions } from '../transform';

export interface EmitResult {
  fragment: JsonObject;
  diagnostics: Diagnostic[];
}

/** Placeholder until the lowering work lands: the template comes back unchanged. */
export function emit(_model: AuthModel, template: JsonObject, _options: TransformOptions): EmitResult {
  return { fragment: template, diagnostics: [] };
}
