import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import type { Json, JsonPath } from '../../model/json';
import { propertyPath, resourceOf, valueAt, type Rule } from './context';
import { eachAuthorizer } from './caching';

/** RFC 9110 §5.1: a field name is a token: 1*tchar. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isValidHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** Identity header names must be HTTP tokens; API Gateway rejects others (or never matches them). */
export const forbiddenHeader: Rule = {
  name: 'forbidden-header',
  codes: ['rules/forbidden-header'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const report = (name: Json, path: JsonPath, authorizer: string) => {
      if (typeof name !== 'string' || isValidHeaderName(name)) return;
      out.push(diagnostic('rules/forbidden-header', `Authorizer \`${authorizer}\`: "${name}" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only; no spaces, colons or other separators).`, path, resourceOf(path)));
    };
    for (const a of eachAuthorizer(ctx)) {
      const header = a.kind === 'cognito' ? a.header : a.identity.header;
      if (header !== undefined) report(header, propertyPath(ctx.template, a, [['Identity', 'Header'], ['RequestHeader']]), a.name);
      if (a.kind === 'cognito') continue;
      (a.identity.headers ?? []).forEach((h, i) => {
        const path = propertyPath(ctx.template, a, [['Identity', 'Headers', i], ['RequestHeaders', i]]);
        // Headers written as one string (not a list) is the schema check's wrong-type finding, not a header name.
        if (valueAt(ctx.template, path) === h) report(h, path, a.name);
      });
    }
    return out;
  },
};
