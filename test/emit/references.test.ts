/**
 * resolveReferences (src/emit/references.ts): SAM's `Api.Stage`-style references resolved everywhere, with
 * what holds none left as it is.
 */
import fc from 'fast-check';
import { mayHoldReferences, resolveReferences } from '../../src/emit/references';
import type { Json, JsonObject } from '../../src/model/json';

const table = new Map([
  ['Api.Stage', 'ApiprodStage'],
  ['Api.Deployment', 'ApiDeployment0123456789'],
  ['X', 'Y'],
  ['!A', 'B'],
]);

/** The rule as a pattern: `${name}` with a name that does not start with `!` (`${!Literal}` is text). */
function subByPattern(text: string): string {
  return text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
    const target = table.get(name);
    return target === undefined ? whole : '${' + target + '}';
  });
}

const sub = (text: string): Json => (resolveReferences({ 'Fn::Sub': text }, table) as JsonObject)['Fn::Sub'] as Json;

describe('resolveReferences', () => {
  it.each([
    ['${Api.Stage}', '${ApiprodStage}'],
    ['arn:${AWS::Region}:${Api.Deployment}/x', 'arn:${AWS::Region}:${ApiDeployment0123456789}/x'],
    ['${!Api.Stage} ${Api.Stage}', '${!Api.Stage} ${ApiprodStage}'],
    ['${} ${X', '${} ${X'],
    ['${${X}}', '${${X}}'],
    ['$${X}}', '$${Y}}'],
  ])('Fn::Sub %s → %s', (text, expected) => {
    expect(sub(text)).toBe(expected);
  });

  it('resolves Fn::Sub names as the pattern does, on random strings', () => {
    const piece = fc.constantFrom('${', '}', '!', '$', '{', 'Api.Stage', 'Api.Deployment', 'X', 'a', '${X}', '${!X}', '${}', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        expect(sub(text)).toBe(subByPattern(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves Ref and the Fn::Sub list form, and leaves what holds no reference as it is', () => {
    const untouched: JsonObject = { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': 'plain-${AWS::StackName}' }, Tags: [{ Key: 'k', Value: 'v' }] } };
    const template: JsonObject = {
      Resources: {
        Topic: untouched,
        Out: { Type: 'X', Properties: { A: { Ref: 'Api.Stage' }, B: { 'Fn::Sub': ['${Api.Deployment}-${V}', { V: { Ref: 'Api.Stage' } }] }, C: [1, { Ref: 'Other' }] } },
      },
    };
    const out = resolveReferences(template, table) as JsonObject;
    expect(out).toEqual({
      Resources: {
        Topic: untouched,
        Out: { Type: 'X', Properties: { A: { Ref: 'ApiprodStage' }, B: { 'Fn::Sub': ['${ApiDeployment0123456789}-${V}', { V: { Ref: 'ApiprodStage' } }] }, C: [1, { Ref: 'Other' }] } },
      },
    });
    expect((out.Resources as JsonObject).Topic).toBe(untouched);
    expect(((out.Resources as JsonObject).Out as JsonObject).Properties).not.toBe((template.Resources as JsonObject).Out);
    expect(resolveReferences(untouched, table)).toBe(untouched);
  });
});

describe('mayHoldReferences (whether the output walk is needed)', () => {
  const apiTable = new Map([
    ['Api.Stage', 'ApiprodStage'],
    ['Api.Deployment', 'ApiDeployment0123456789'],
  ]);
  it.each<[string, Json, boolean]>([
    ['a Ref to Api.Stage in Outputs', { Outputs: { S: { Value: { Ref: 'Api.Stage' } } } }, true],
    ['a Sub naming ${Api.Deployment}', { Resources: { R: { Properties: { X: { 'Fn::Sub': 'x/${Api.Deployment}' } } } } }, true],
    ['a parameter value naming it', [{ Resources: {} }, { P: '${Api.Stage}' }], true],
    ['only another API and plain names', { Resources: { Api: {}, Other: { Properties: { X: { Ref: 'Other.Stage' } } } } }, false],
    ['a name that merely ends like it (walks: harmless)', { Outputs: { S: { Value: { Ref: 'OtherApi.Stage' } } } }, true],
    ['nothing at all', { Resources: {} }, false],
    ['a key naming it', { Outputs: { 'Api.Stage': { Value: 1 } } }, true],
    ['in a list, after strings without a dot', { Resources: { R: { DependsOn: ['A', 'B', 'Api.Stage'] } } }, true],
    ['numbers, booleans and nulls only', { Resources: { R: { A: 1.5, B: true, C: null, D: [2.5] } } }, false],
  ])('%s → %s', (_name, sources, expected) => {
    expect(mayHoldReferences(sources, apiTable)).toBe(expected);
  });

  it('an empty table needs no walk; a name without a dot always does', () => {
    expect(mayHoldReferences({ Ref: 'Api.Stage' }, new Map())).toBe(false);
    expect(mayHoldReferences({ Resources: {} }, new Map([['X', 'Y']]))).toBe(true);
  });
});
