import type { Diagnostic } from '../../src/diagnostics/types';
import { mergeFindings } from '../../src/validate/index';

const at = (code: Diagnostic['code'], severity: Diagnostic['severity'], path: string): Diagnostic => ({
  code,
  severity,
  message: `${code} at ${path}`,
  path,
});

const AUTH = '/Resources/Api/Properties/Auth/Authorizers/B';

describe('schema and rule findings together', () => {
  it.each<[string, Diagnostic[], Diagnostic[], string[]]>([
    [
      'a rule error replaces the schema error at the same path (the more specific message wins)',
      [at('schema/invalid', 'error', `${AUTH}/Identity/ReauthorizeEvery`)],
      [at('rules/ttl-out-of-range', 'error', `${AUTH}/Identity/ReauthorizeEvery`)],
      ['rules/ttl-out-of-range'],
    ],
    [
      'a rule warning never hides a schema error at the same path',
      [at('schema/invalid', 'error', AUTH)],
      [at('rules/unused-authorizer', 'warning', AUTH)],
      ['schema/invalid', 'rules/unused-authorizer'],
    ],
    [
      'a rule warning replaces a schema warning at the same path',
      [at('schema/ignored-property', 'warning', AUTH)],
      [at('rules/unused-authorizer', 'warning', AUTH)],
      ['rules/unused-authorizer'],
    ],
    [
      'findings at other paths are all kept',
      [at('schema/invalid', 'error', `${AUTH}/FunctionPayloadType`)],
      [at('rules/unused-authorizer', 'warning', AUTH)],
      ['schema/invalid', 'rules/unused-authorizer'],
    ],
    [
      'a wrong type drops what the rules conclude at or below it',
      [at('schema/wrong-type', 'error', `${AUTH}/Identity`)],
      [at('rules/request-identity-missing', 'error', `${AUTH}/Identity`), at('rules/forbidden-header', 'error', `${AUTH}/Identity/Headers/0`), at('rules/unused-authorizer', 'warning', AUTH)],
      ['schema/wrong-type', 'rules/unused-authorizer'],
    ],
  ])('%s', (_name, schema, rules, codes) => {
    expect(mergeFindings(schema, rules).map((d) => d.code)).toEqual(codes);
  });
});
