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
import { scopesWithoutCognito } from './rules/scopes';

export { checkSchema } from './schema/check';
export type { Rule, RuleContext } from './rules/context';

/** The rules beyond the schema, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  unknownAuthorizer,
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
 * (a TTL of 7200), the rule's message is the more specific one and the schema's is dropped.
 */
export function validate(model: AuthModel, template: JsonObject): Diagnostic[] {
  const rules = checkRules(model, template);
  const rulePaths = new Set(rules.map((d) => d.path));
  const schema = checkSchema(template).filter((d) => !rulePaths.has(d.path));
  return [...schema, ...rules];
}
