export { transform } from './transform';
export type { TransformOptions, TransformResult } from './transform';
export type { Diagnostic, Severity } from './diagnostics/types';
export { CODES } from './diagnostics/codes/index';
export type { DiagnosticCode } from './diagnostics/codes/index';
export type { Json, JsonObject, JsonPath } from './model/json';
export type * from './model/auth';
