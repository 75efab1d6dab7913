import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { handler, processMacroEvent, type CloudFormationMacroResponse } from '../../src/macro/handler';
import { parseTemplate } from '../../src/parse/index';
import type { Json, JsonObject } from '../../src/model/json';

const event = (fragment: unknown, extra: Record<string, unknown> = {}) => ({
  region: 'us-east-1',
  accountId: '123456789012',
  fragment,
  transformId: 'SamAuth',
  params: {},
  requestId: 'req-1',
  templateParameterValues: {},
  ...extra,
});

const plain: JsonObject = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}-t' } } } },
};

function expectFailure(response: CloudFormationMacroResponse, ...parts: string[]): void {
  expect(Object.keys(response).sort()).toEqual(['errorMessage', 'requestId', 'status']);
  expect(response.status).toBe('failure');
  if (response.status !== 'failure') return;
  for (const part of parts) expect(response.errorMessage).toContain(part);
}

describe('macro handler', () => {
  it('returns a template without auth unchanged, echoing the requestId', async () => {
    const response = await handler(event(JSON.parse(JSON.stringify(plain))));
    expect(response).toEqual({ requestId: 'req-1', status: 'success', fragment: plain });
  });

  it('transforms the basic example', () => {
    const parsed = parseTemplate(readFileSync(path.join(__dirname, '../../examples/basic/template.yaml')));
    if (!parsed.ok) throw new Error('example must parse');
    const { Transform: _dropped, ...fragment } = parsed.template;
    const response = processMacroEvent(event(fragment, { templateParameterValues: { Stage: 'dev' } }));
    expect(response.status === 'failure' ? response.errorMessage : response.status).toBe('success');
    if (response.status === 'success') expect(response.fragment.Transform).toBeUndefined();
  });

  it('drops its own name (the event transformId) from a Transform key CloudFormation would not send', () => {
    const fragment = { Transform: ['MyAuthMacro', 'AWS::Serverless-2016-10-31'], ...plain };
    const response = processMacroEvent(event(fragment, { transformId: 'MyAuthMacro' }));
    expect(response.status === 'success' && response.fragment.Transform).toEqual(['AWS::Serverless-2016-10-31']);
  });

  it('fails with every error, its resource, path and code, and no file:line:col', () => {
    const fragment = {
      Resources: {
        MyApi: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'Prod', Auth: { DefaultAuthorizer: 'Nope', Authorizers: { A: { UserPoolArn: 'arn' } } } } },
      },
    };
    const response = processMacroEvent(event(fragment));
    expectFailure(response, 'SamAuth: 1 error in the template:', '1) resource MyApi at /Resources/MyApi/Properties/Auth/DefaultAuthorizer:', 'Nope', '[rules/unknown-authorizer]');
    expect(response.status === 'failure' && response.errorMessage).not.toMatch(/:\d+:\d+/);
  });

  it.each<[string, unknown, string]>([
    ['a list', ['Resources'], 'the template is a list'],
    ['a string', 'Resources: {}', 'the template is a string'],
    ['null', null, 'the template is null'],
    ['no Resources', { AWSTemplateFormatVersion: '2010-09-09' }, 'has no Resources section'],
    ['empty Resources', { Resources: {} }, 'the Resources section is empty'],
    ['null Resources', { Resources: null }, 'the Resources section is empty'],
    ['Resources a list', { Resources: ['MyApi'] }, 'Resources is a list'],
    ['Resources a string', { Resources: 'none' }, 'Resources is a string'],
    ['nested too deep', { Resources: { A: { Type: 'T', P: JSON.parse('['.repeat(200) + ']'.repeat(200)) } } }, 'nested more than 100 deep'],
    ['a value that contains itself', (() => { const o: Record<string, unknown> = { Type: 'T' }; o.self = o; return { Resources: { A: o } }; })(), 'contains itself at /Resources/A/self'],
    ['undefined inside', { Resources: { A: { Type: 'T', P: undefined } } }, 'a undefined at /Resources/A/P'],
    ['a function inside', { Resources: { A: { Type: () => 1 } } }, 'a function at /Resources/A/Type'],
    ['NaN inside', { Resources: { A: { Type: 'T', N: NaN } } }, 'non-finite number at /Resources/A/N'],
    ['a Date inside', { Resources: { A: { Type: 'T', D: new Date(0) } } }, 'not plain data at /Resources/A/D'],
  ])('fails on a hostile fragment: %s', (_name, fragment, message) => {
    expectFailure(processMacroEvent(event(fragment)), message);
  });

  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'the macro event is a undefined'],
    ['null', null, 'the macro event is null'],
    ['a number', 42, 'the macro event is a number'],
    ['a string', '{"fragment": {}}', 'the macro event is a string'],
    ['a list', [], 'the macro event is a list'],
    ['no fragment', { requestId: 'r' }, 'has no fragment'],
    ['fragment a number', { requestId: 'r', fragment: 1 }, 'the template is a number'],
    ['parameter values of the wrong type', { requestId: 'r', fragment: { Resources: {} }, templateParameterValues: 'x' }, 'the Resources section is empty'],
  ])('fails on a malformed event: %s', (_name, malformed, message) => {
    const response = processMacroEvent(malformed);
    expectFailure(response, message);
  });

  it('echoes the requestId on failure, and an empty one when the event has none', () => {
    expect(processMacroEvent({ requestId: 'abc', fragment: 1 }).requestId).toBe('abc');
    expect(processMacroEvent({ requestId: 5, fragment: 1 }).requestId).toBe('');
  });

  it('keeps __proto__ keys as data and pollutes nothing', () => {
    const fragment = JSON.parse('{"Resources": {"__proto__": {"polluted": true}, "A": {"Type": "T", "__proto__": {"x": 1}}}}') as JsonObject;
    const response = processMacroEvent(event(fragment));
    expect(response.status).toBe('success');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(response.status === 'success' && JSON.stringify(response.fragment)).toBe(JSON.stringify(fragment));
  });

  it('never throws, and answers success with a whole JSON template or failure with a message', () => {
    // Through JSON once: the event reaches the macro as JSON, which has no -0 (fast-check's jsonValue can make one).
    const json: fc.Arbitrary<Json> = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as Json);
    const fragment = fc.oneof(
      fc.anything(),
      json,
      fc.dictionary(fc.string(), json).map((rest) => ({ ...rest, Resources: { A: { Type: 'AWS::SNS::Topic' } } })),
      fc.record({ Resources: fc.dictionary(fc.string(), json, { minKeys: 1 }) }),
      fc.record({
        Resources: fc.record({
          Api: fc.record({ Type: fc.constant('AWS::Serverless::Api'), Properties: fc.record({ StageName: fc.constant('p'), Auth: json }) }),
        }),
      }),
    );
    const events = fc.oneof(fc.anything(), fc.record({ requestId: fc.string(), fragment, templateParameterValues: fc.anything() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(events, (e) => {
        const response = processMacroEvent(e);
        if (response.status === 'success') {
          expect(Object.keys(response).sort()).toEqual(['fragment', 'requestId', 'status']);
          expect(JSON.parse(JSON.stringify(response.fragment))).toEqual(response.fragment);
        } else {
          expect(response.status).toBe('failure');
          expect(typeof response.errorMessage).toBe('string');
          expect(response.errorMessage.length).toBeGreaterThan(0);
          expect(response.errorMessage).not.toContain('internal error');
        }
      }),
      { numRuns: 500 },
    );
  });
});
