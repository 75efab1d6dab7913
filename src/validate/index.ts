import type { Diagnostic } from '../diagnostics/types';
import type { AuthModel } from '../model/auth';
import type { JsonObject } from '../model/json';

/** Placeholder until the validate work lands: no findings. */
export function validate(_model: AuthModel, _template: JsonObject): Diagnostic[] {
  return [];
}
