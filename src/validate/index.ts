import type { Diagnostic } from '../diagnostics/types';
import type { AuthModel } from '../model/auth';
import type { JsonObject } from '../model/json';
import { checkSchema } from './schema/check';
import { authorizerArns } from './rules/arns';
import { requestIdentity, ttlRange } from './rules/caching';
import type { Rule } from './rules/context';
import { corsGatewayResponses, corsPreflightAuthorized } from './rules/cors';
import { routeWithoutAuth } from './rules/coverage';
import { forbiddenHeader } from './rules/headers';
import { duplicateAuthorizer, tooManyAuthorizers, unknownAuthorizer, unusedAuthorizer } from './rules/names';
import { scopesWithoutAuthorizer, scopesWithoutCognito } from './rules/scopes';

export { checkSchema } from './schema/check';
export type { Rule, RuleContext } from './rules/context';

/** The rules beyond the schema, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  unknownAuthorizer,
  scopesWithoutAuthorizer,
  duplicateAuthorizer,
  tooManyAuthorizers,
  ttlRange,
  requestIdentity,
  authorizerArns,
  forbiddenHeader,
  scopesWithoutCognito,
  unusedAuthorizer,
  corsPreflightAuthorized,
  corsGatewayResponses,
  routeWithoutAuth,
];

/** Runs the rules over a normalized model. */
export function checkRules(model: AuthModel, template: JsonObject): Diagnostic[] {
  const ctx = { model, template };
  return RULES.flatMap((rule) => rule.check(ctx));
}

/**
 * Validation: the schema check over the template's Auth blocks, then the rules over the normalized model.
 * Reads only; never changes the model or the template. Where a rule and the schema flag the same property
 * (a TTL of 7200), the rule's message is the more specific one and the schema's is dropped. But a value of
 * the wrong type (`Identity: some-string`) is the problem itself, as SAM reports it: what the rules then
 * conclude from it or below it (no identity source, odd header names) is noise and is dropped instead.
 */
export function validate(model: AuthModel, template: JsonObject): Diagnostic[] {
  const schemaFound = checkSchema(template);
  const wrongTypes = schemaFound.filter((d) => d.code === 'schema/wrong-type').map((d) => d.path);
  const rules = checkRules(model, template).filter((d) => !wrongTypes.some((p) => isAtOrBelow(d.path, p)));
  const rulePaths = new Set(rules.map((d) => d.path));
  const schema = schemaFound.filter((d) => !rulePaths.has(d.path));
  return [...schema, ...rules];
}

function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}
