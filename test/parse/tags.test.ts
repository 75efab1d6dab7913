import { parseTemplate } from '../../src/parse/index';
import type { Json } from '../../src/model/json';

/** Parses `Value: <yaml>` inside a minimal template and returns the value SAM's parser would build. */
function valueOf(yaml: string): Json {
  const result = parseTemplate(`Resources:\n  R:\n    Type: T\nOutputs:\n  O:\n    Value: ${yaml}\n`);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const outputs = result.template.Outputs as { O: { Value: Json } };
  return outputs.O.Value;
}

describe('short-form tags → long form, as samtranslator.yaml_helper builds them', () => {
  it.each<[string, string, Json]>([
    // tag, YAML, expected long form
    ['!Ref scalar', '!Ref MyBucket', { Ref: 'MyBucket' }],
    ['!Ref pseudo parameter', '!Ref AWS::Region', { Ref: 'AWS::Region' }],
    ['!Ref keeps a number-looking scalar as text', '!Ref 123', { Ref: '123' }],
    ['!Ref empty', '!Ref ""', { Ref: '' }],
    ['!Ref sequence', '!Ref [A]', { Ref: ['A'] }],
    ['!Condition scalar', '!Condition IsProd', { Condition: 'IsProd' }],
    ['!GetAtt dotted scalar splits at the first dot', '!GetAtt A.B.C', { 'Fn::GetAtt': ['A', 'B.C'] }],
    ['!GetAtt scalar without a dot', '!GetAtt A', { 'Fn::GetAtt': ['A'] }],
    ['!GetAtt quoted scalar', '!GetAtt "Api.RootResourceId"', { 'Fn::GetAtt': ['Api', 'RootResourceId'] }],
    ['!GetAtt sequence', '!GetAtt [A, B.C]', { 'Fn::GetAtt': ['A', 'B.C'] }],
    ['!GetAtt sequence with an intrinsic', '!GetAtt [A, !Ref Attr]', { 'Fn::GetAtt': ['A', { Ref: 'Attr' }] }],
    ['!Sub scalar', '!Sub "arn:${AWS::Partition}:s3:::${B}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}' }],
    ['!Sub two-item sequence', '!Sub ["${A}-x", {A: !Ref P}]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'P' } }] }],
    ['!Join', '!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!Select types the index', '!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Select with a quoted index', "!Select ['1', [a, b]]", { 'Fn::Select': ['1', ['a', 'b']] }],
    ['!Split', '!Split [",", !Ref L]', { 'Fn::Split': [',', { Ref: 'L' }] }],
    ['!If', '!If [C, a, !Ref AWS::NoValue]', { 'Fn::If': ['C', 'a', { Ref: 'AWS::NoValue' }] }],
    ['!Equals', '!Equals [!Ref Stage, prod]', { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }],
    ['!And', '!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or', '!Or [!Equals [a, b], !Condition C]', { 'Fn::Or': [{ 'Fn::Equals': ['a', 'b'] }, { Condition: 'C' }] }],
    ['!Not', '!Not [!Condition C]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['!FindInMap', '!FindInMap [M, !Ref AWS::Region, Ami]', { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'Ami'] }],
    ['!Base64 scalar', '!Base64 hello', { 'Fn::Base64': 'hello' }],
    ['!Base64 of an intrinsic', '!Base64 {"Fn::Sub": x}', { 'Fn::Base64': { 'Fn::Sub': 'x' } }],
    ['!Cidr', '!Cidr [10.0.0.0/16, 6, 5]', { 'Fn::Cidr': ['10.0.0.0/16', 6, 5] }],
    ['!GetAZs scalar', '!GetAZs us-east-1', { 'Fn::GetAZs': 'us-east-1' }],
    ['!GetAZs of !Ref', '!GetAZs {Ref: AWS::Region}', { 'Fn::GetAZs': { Ref: 'AWS::Region' } }],
    ['!ImportValue scalar', '!ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
    ['!ImportValue of !Sub', '!ImportValue {"Fn::Sub": "${Net}-vpc"}', { 'Fn::ImportValue': { 'Fn::Sub': '${Net}-vpc' } }],
    ['!Transform mapping', '!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
    ['!Length sequence', '!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
    ['!Length of !Ref', '!Length {Ref: L}', { 'Fn::Length': { Ref: 'L' } }],
    ['!ToJsonString mapping', '!ToJsonString {a: 1, b: [true]}', { 'Fn::ToJsonString': { a: 1, b: [true] } }],
    ['!ToJsonString sequence', '!ToJsonString [1, x]', { 'Fn::ToJsonString': [1, 'x'] }],
  ])('%s', (_name, yaml, expected) => {
    expect(valueOf(yaml)).toEqual(expected);
  });

  it('expands block-style tags on sequences and mappings', () => {
    const result = parseTemplate(
      'Resources:\n  R:\n    Type: T\n    Properties:\n      A: !If\n        - C\n        - !Sub\n          - "${X}"\n          - X: !GetAtt R.Arn\n        - !Ref AWS::NoValue\n      B: !Transform\n        Name: AWS::Include\n',
    );
    expect(result.ok && result.template.Resources).toEqual({
      R: {
        Type: 'T',
        Properties: {
          A: { 'Fn::If': ['C', { 'Fn::Sub': ['${X}', { X: { 'Fn::GetAtt': ['R', 'Arn'] } }] }, { Ref: 'AWS::NoValue' }] },
          B: { 'Fn::Transform': { Name: 'AWS::Include' } },
        },
      },
    });
  });

  it('reads an unknown tag as Fn::<Tag>, as SAM does, with a warning', () => {
    const result = parseTemplate('Resources:\n  R:\n    Type: T\n    Properties:\n      A: !Reff X\n', 't.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.template.Resources as any).R.Properties.A).toEqual({ 'Fn::Reff': 'X' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'parse/unknown-tag', severity: 'warning', path: '/Resources/R/Properties/A', location: { file: 't.yaml', line: 5, column: 10 } }),
    ]);
  });

  it('reads a verbatim local tag like its short form, and ! as a plain string', () => {
    expect(valueOf('!<!Ref> X')).toEqual({ Ref: 'X' });
    expect(valueOf('! 123')).toBe('123');
  });

  it('reads YAML standard tags as PyYAML does', () => {
    expect(valueOf('!!str 123')).toBe('123');
    expect(valueOf('!!int "42"')).toBe(42);
    expect(valueOf('!!float "1.5"')).toBe(1.5);
    expect(valueOf('!!bool "yes"')).toBe(true);
    expect(valueOf('!!null ""')).toBeNull();
    expect(valueOf('!!map {a: 1}')).toEqual({ a: 1 });
    expect(valueOf('!!seq [1]')).toEqual([1]);
  });
});
