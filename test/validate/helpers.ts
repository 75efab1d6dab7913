import type { Diagnostic } from '../../src/diagnostics/types';
import { normalize } from '../../src/normalize/index';
import { parseTemplate } from '../../src/parse/index';
import { RULES, validate } from '../../src/validate/index';
import type { JsonObject } from '../../src/model/json';

export function parseYaml(text: string): JsonObject {
  const parsed = parseTemplate(text, 'template.yaml');
  if (!parsed.ok) throw new Error('test template does not parse: ' + parsed.diagnostics.map((d) => d.message).join('; '));
  return parsed.template;
}

/** validate() over a template, as the transform core calls it (normalize first). */
export function validateYaml(text: string): Diagnostic[] {
  const template = parseYaml(text);
  return validate(normalize(template).model, template, RULES);
}

/** `code path` pairs, the shape table tests compare. */
export function findings(diagnostics: readonly Diagnostic[], codes?: readonly string[]): string[] {
  return diagnostics.filter((d) => !codes || codes.includes(d.code)).map((d) => `${d.code} ${d.path}`);
}

/** A template with one explicit API whose Auth is `auth` (YAML, indented for Properties.Auth) and a function. */
export function apiTemplate(auth: string, options: { events?: string; properties?: string; extra?: string } = {}): string {
  const indent = (text: string, n: number) => text.split('\n').map((l) => (l.trim() === '' ? l : ' '.repeat(n) + l)).join('\n');
  return [
    'Resources:',
    '  AuthFn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Handler: index.handler',
    '      Runtime: nodejs20.x',
    '      InlineCode: x',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Handler: index.handler',
    '      Runtime: nodejs20.x',
    '      InlineCode: x',
    '      Events:',
    indent(options.events ?? 'Get:\n  Type: Api\n  Properties:\n    RestApiId: !Ref MyApi\n    Path: /\n    Method: get', 8),
    '  MyApi:',
    '    Type: AWS::Serverless::Api',
    '    Properties:',
    '      StageName: prod',
    ...(options.properties ? [indent(options.properties, 6)] : []),
    '      Auth:',
    indent(auth, 8),
    ...(options.extra ? [indent(options.extra, 2)] : []),
  ].join('\n') + '\n';
}

/** The path of MyApi's Auth as a JSON pointer prefix. */
export const AUTH = '/Resources/MyApi/Properties/Auth';
export const EVENT = '/Resources/Fn/Properties/Events';
