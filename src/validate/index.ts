import type { Diagnostic, Severity } from '../diagnostics/types';
import type { AuthModel } from '../model/auth';
import type { JsonObject } from '../model/json';
import { checkSchema } from './schema/check';
import { isAtOrBelow } from './schema/translate';
import { arnMalformed, authorizerArns } from './rules/arns';
import { requestIdentity, ttlRange, validationExpressionIgnored } from './rules/caching';
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
  validationExpressionIgnored,
  authorizerArns,
  arnMalformed,
  forbiddenHeader,
  scopesWithoutCognito,
  unusedAuthorizer,
  corsPreflightAuthorized,
  corsGatewayResponses,
  routeWithoutAuth,
];

/**
 * The rules that can fail a template (those with an error code), in RULES' order: what the macro runs. It
 * reports only errors, and leaving out the rules that only warn or inform keeps their code out of the Lambda
 * bundle. A rule's warning never hides a schema error (mergeFindings), so the errors are the same either way.
 * Spelled out rather than filtered from RULES, so the bundler can leave the others out; a test checks the two
 * agree.
 */
export const FAILING_RULES: readonly Rule[] = [
  unknownAuthorizer,
  scopesWithoutAuthorizer,
  duplicateAuthorizer,
  tooManyAuthorizers,
  ttlRange,
  requestIdentity,
  authorizerArns,
  forbiddenHeader,
];

/** Runs `rules` over a normalized model. */
export function checkRules(model: AuthModel, template: JsonObject, rules: readonly Rule[]): Diagnostic[] {
  const ctx = { model, template };
  return rules.flatMap((rule) => rule.check(ctx));
}

/**
 * Validation: the schema check over the template's Auth blocks, then `rules` (RULES for every finding) over
 * the normalized model. Reads only; never changes the model or the template. Where a rule and the schema flag
 * the same property (a TTL of 7200), the rule's message is the more specific one and the schema's is dropped.
 * But a value of the wrong type (`Identity: some-string`) is the problem itself, as SAM reports it: what the
 * rules then conclude from it or below it (no identity source, odd header names) is noise and is dropped instead.
 */
export function validate(model: AuthModel, template: JsonObject, rules: readonly Rule[]): Diagnostic[] {
  return mergeFindings(checkSchema(template), checkRules(model, template, rules));
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The schema's and the rules' findings together, as `validate` explains. A rule finding replaces a schema
 * finding at the same path only when it is at least as severe: a warning (an unused authorizer) must never
 * hide an error the schema found at the same place, or a broken template would pass.
 */
export function mergeFindings(schemaFound: Diagnostic[], ruleFound: Diagnostic[]): Diagnostic[] {
  const wrongTypes = schemaFound.filter((d) => d.code === 'schema/wrong-type').map((d) => d.path);
  const rules = ruleFound.filter((d) => !wrongTypes.some((p) => isAtOrBelow(d.path, p)));
  const ruleRank = new Map<string, number>();
  for (const d of rules) ruleRank.set(d.path, Math.max(ruleRank.get(d.path) ?? -1, RANK[d.severity]));
  const schema = schemaFound.filter((d) => (ruleRank.get(d.path) ?? -1) < RANK[d.severity]);
  return [...schema, ...rules];
}
