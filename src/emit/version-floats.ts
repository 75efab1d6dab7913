import type { JsonPath } from '../model/json';

/**
 * For a template that reached us as JSON values (the macro: CloudFormation parsed the YAML, and JSON.parse
 * turns `2.0` into 2), whether a number was most likely written as a float. SAM's Deployment id prints a
 * Python float `2.0` apart from an int `2`, so `swagger: 2.0` written unquoted must count as a float, or the
 * macro's Deployment id would differ from SAM's and from the CLI's. Only the version fields of a
 * DefinitionBody are guessed: there a whole number can only be a float written `N.0` (API Gateway rejects an
 * integer version); elsewhere we print what JSON gave us.
 */
export function guessVersionFloat(path: JsonPath): boolean {
  const n = path.length;
  const field = path[n - 1];
  return n >= 2 && path[n - 2] === 'DefinitionBody' && (field === 'swagger' || field === 'openapi');
}
