import type { Diagnostic } from '../diagnostics/types';
import type { AuthModel } from '../model/auth';
import type { JsonObject } from '../model/json';

export interface NormalizeResult {
  model: AuthModel;
  diagnostics: Diagnostic[];
}

/** Placeholder until the lowering work lands: finds no APIs. */
export function normalize(_template: JsonObject): NormalizeResult {
  return { model: { apis: [], sharedAuthorizers: [] }, diagnostics: [] };
}
