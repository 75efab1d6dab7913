import { parseTemplate } from '../../src/parse/index';

const TEMPLATE = [
  'Resources:', //                                 1
  '  MyApi:', //                                   2
  '    Type: AWS::Serverless::Api', //             3
  '    Properties:', //                            4
  '      Auth:', //                                5
  '        Authorizers:', //                       6
  '          Cognito:', //                         7
  '            UserPoolArn: !GetAtt Pool.Arn', //  8
  '        DefaultAuthorizer: "Cognito"', //       9
  '      Tags: [a, {b: c}]', //                    10
  '  Other: &o', //                                11
  '    Type: T', //                                12
  '  Copy: *o', //                                 13
  '',
].join('\n');

describe('SourceMap: every value and key keeps its line:col (1-based)', () => {
  const result = parseTemplate(TEMPLATE, 'template.yaml');
  if (!result.ok) throw new Error('fixture must parse');
  const map = result.sourceMap;
  const at = (line: number, column: number) => ({ file: 'template.yaml', line, column });

  it.each<[string, (string | number)[], ReturnType<typeof at> | undefined, ReturnType<typeof at> | undefined]>([
    ['root', [], at(1, 1), undefined],
    ['a resource (block mapping: starts at its first key)', ['Resources', 'MyApi'], at(3, 5), at(2, 3)],
    ['a scalar', ['Resources', 'MyApi', 'Type'], at(3, 11), at(3, 5)],
    ['a tagged value (at the tag)', ['Resources', 'MyApi', 'Properties', 'Auth', 'Authorizers', 'Cognito', 'UserPoolArn'], at(8, 26), at(8, 13)],
    ['inside a tag: the long-form key is the tag', ['Resources', 'MyApi', 'Properties', 'Auth', 'Authorizers', 'Cognito', 'UserPoolArn', 'Fn::GetAtt'], at(8, 34), at(8, 26)],
    ['a quoted scalar (at its quote)', ['Resources', 'MyApi', 'Properties', 'Auth', 'DefaultAuthorizer'], at(9, 28), at(9, 9)],
    ['a flow sequence and its items', ['Resources', 'MyApi', 'Properties', 'Tags'], at(10, 13), at(10, 7)],
    ['a flow sequence item', ['Resources', 'MyApi', 'Properties', 'Tags', 1, 'b'], at(10, 21), at(10, 18)],
    ['an alias: its copy points into the anchored node', ['Resources', 'Copy', 'Type'], at(12, 11), at(12, 5)],
    ['an alias itself', ['Resources', 'Copy'], at(13, 9), at(13, 3)],
    ['a missing path falls back to its nearest ancestor', ['Resources', 'MyApi', 'Properties', 'Nope', 'Deeper'], at(5, 7), undefined],
  ])('%s', (_name, path, value, key) => {
    expect(map.locate(path)).toEqual(value);
    expect(map.locateKey(path)).toEqual(key);
  });

  it('counts \\r\\n as one line break', () => {
    const crlf = parseTemplate(TEMPLATE.replace(/\n/g, '\r\n'), 't.yaml');
    expect(crlf.ok && crlf.sourceMap.locate(['Resources', 'MyApi', 'Properties', 'Auth', 'DefaultAuthorizer'])).toEqual({ file: 't.yaml', line: 9, column: 28 });
  });

  it('locates in JSON templates too', () => {
    const json = parseTemplate('{\n  "Resources": {\n    "A": {"Type": "T"}\n  }\n}\n', 't.json');
    expect(json.ok && json.sourceMap.locate(['Resources', 'A', 'Type'])).toEqual({ file: 't.json', line: 3, column: 19 });
    expect(json.ok && json.sourceMap.locateKey(['Resources', 'A', 'Type'])).toEqual({ file: 't.json', line: 3, column: 11 });
  });
});
