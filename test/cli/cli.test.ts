import { main } from '../../src/cli/main';
import { memoryIO } from './memory-io';
import { parseTransformArgs } from '../../src/cli/args';
import { parseTemplate } from '../../src/parse/index';
import { version } from '../../package.json';

const PLAIN = 'Transform: [SamAuth, AWS::Serverless-2016-10-31]\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "${AWS::StackName}-t"\n';
const PLAIN_JSON = {
  Transform: ['AWS::Serverless-2016-10-31'],
  Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}-t' } } } },
};

describe('sam-auth', () => {
  it('--version prints the package version', async () => {
    const m = memoryIO();
    expect(await main(['--version'], m.io)).toBe(0);
    expect(m.stdout()).toBe(`${version}\n`);
  });

  it('--version and --help load neither js-yaml nor the transform (fast start-up)', async () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock('js-yaml', () => {
        loaded.push('js-yaml');
        return {};
      });
      jest.doMock('../../src/transform', () => {
        loaded.push('transform');
        return {};
      });
    });
    let isolatedMain: typeof main | undefined;
    jest.isolateModules(() => {
      isolatedMain = (require('../../src/cli/main') as typeof import('../../src/cli/main')).main;
    });
    const m = memoryIO();
    expect(await isolatedMain!(['--version'], m.io)).toBe(0);
    expect(await isolatedMain!(['--help'], m.io)).toBe(0);
    expect(loaded).toEqual([]);
    jest.dontMock('js-yaml');
    jest.dontMock('../../src/transform');
  });

  it.each([['--help'], ['-h'], ['transform', '--help']])('%s prints help on stdout and exits 0', async (...argv) => {
    const m = memoryIO();
    expect(await main(argv, m.io)).toBe(0);
    expect(m.stdout()).toContain('Usage');
    expect(m.stdout()).toContain('sam-auth transform');
    expect(m.stderr()).toBe('');
  });

  it.each<[string[], string]>([
    [[], 'Usage'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['transform'], 'missing the template file'],
    [['transform', 'a.yaml', 'b.yaml'], 'one template at a time'],
    [['transform', 't.yaml', '--format', 'xml'], '--format expects json or yaml, got "xml"'],
    [['transform', 't.yaml', '--format'], '--format expects json or yaml, got nothing'],
    [['transform', 't.yaml', '-o'], '-o expects a file name'],
    [['transform', 't.yaml', '--bogus'], 'unknown option --bogus'],
    [['transform', 't.yaml', '--parameter-overrides'], '--parameter-overrides expects at least one KEY=VALUE'],
    [['transform', 't.yaml', '--parameter-overrides=Stage'], '--parameter-overrides expects KEY=VALUE, got "Stage"'],
    [['transform', 't.yaml', '--parameter-overrides', '=x'], '"" is not a parameter name'],
    [['transform', 't.yaml', '--parameter-overrides', 'My-Key=x'], '"My-Key" is not a parameter name'],
    [['transform', 't.yaml', '--parameter-overrides', 'ParameterKey=,ParameterValue=x'], 'empty ParameterKey'],
    [['transform', 't.yaml', '--region'], '--region expects a Region name such as us-east-1, got nothing'],
    [['transform', 't.yaml', '--region', 'Virginia'], '--region expects a Region name such as us-east-1, got "Virginia"'],
    [['transform', 'missing.yaml'], 'cannot read missing.yaml: no such file or directory'],
    [['transform', 't.yaml', '-o', '/readonly/out.json'], 'cannot write /readonly/out.json: read-only file system'],
  ])('usage and I/O errors exit 2: %j', async (argv, message) => {
    const m = memoryIO({ 't.yaml': PLAIN });
    expect(await main(argv, m.io)).toBe(2);
    expect(m.stderr()).toContain(message);
    expect(m.stdout()).toBe('');
  });

  it('--region resolves AWS::Region in an API\'s Auth as the macro does (it knows the stack\'s Region)', async () => {
    const template = [
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: p',
      '      Auth:',
      '        DefaultAuthorizer: C',
      '        Authorizers:',
      '          C:',
      '            UserPoolArn: !Sub arn:aws:cognito-idp:${AWS::Region}:123456789012:userpool/x',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: s3://b/k',
      '      Handler: i.h',
      '      Runtime: nodejs20.x',
      '      Events:',
      '        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /x, Method: get } }',
      '',
    ].join('\n');
    const providers = async (argv: string[]): Promise<unknown> => {
      const m = memoryIO({ 't.yaml': template });
      expect(await main(argv, m.io)).toBe(0);
      const body = JSON.parse(m.stdout()).Resources.Api.Properties.Body;
      return body.securityDefinitions.C['x-amazon-apigateway-authorizer'].providerARNs;
    };
    expect(await providers(['transform', 't.yaml', '--region', 'eu-west-1'])).toEqual([{ 'Fn::Sub': 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/x' }]);
    expect(await providers(['transform', 't.yaml'])).toEqual([{ 'Fn::Sub': 'arn:aws:cognito-idp:${AWS::Region}:123456789012:userpool/x' }]);
  });

  it('transform writes only the template to stdout, as JSON, without SamAuth in Transform', async () => {
    const m = memoryIO({ 't.yaml': PLAIN });
    expect(await main(['transform', 't.yaml'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout())).toEqual(PLAIN_JSON);
    expect(m.stdout()).toBe(JSON.stringify(PLAIN_JSON, null, 2) + '\n');
    expect(m.stderr()).toBe('');
  });

  it('--format yaml writes YAML that parses back to the same template', async () => {
    const m = memoryIO({ 't.yaml': PLAIN });
    expect(await main(['transform', 't.yaml', '--format', 'yaml'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^Transform:\n  - AWS::Serverless-2016-10-31\n/);
    const back = parseTemplate(m.stdout());
    expect(back.ok && back.template).toEqual(PLAIN_JSON);
  });

  it('- reads standard input', async () => {
    const m = memoryIO({}, PLAIN);
    expect(await main(['transform', '-'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout())).toEqual(PLAIN_JSON);
  });

  it('-o writes the file and nothing to stdout; a .yaml name picks YAML', async () => {
    const m = memoryIO({ 't.yaml': PLAIN });
    expect(await main(['transform', 't.yaml', '-o', 'out.json'], m.io)).toBe(0);
    expect(await main(['transform', '--output=out.yml', 't.yaml'], m.io)).toBe(0);
    expect(await main(['transform', 't.yaml', '-o', 'forced.yaml', '-f', 'json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('');
    expect(JSON.parse(m.written['out.json'])).toEqual(PLAIN_JSON);
    expect(m.written['out.yml']).toMatch(/^Transform:\n/);
    expect(JSON.parse(m.written['forced.yaml'])).toEqual(PLAIN_JSON);
  });

  it('a Transform of only SamAuth is removed entirely', async () => {
    const m = memoryIO({ 't.yaml': 'Transform: SamAuth\nResources:\n  T: {Type: AWS::SNS::Topic}\n' });
    expect(await main(['transform', 't.yaml'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout())).toEqual({ Resources: { T: { Type: 'AWS::SNS::Topic' } } });
  });

  it('template errors exit 1, each on stderr as file:line:col: error CODE message with the source line', async () => {
    const m = memoryIO({ 'bad.yaml': 'Resources:\n  MyApi:\n    Type: A\n    Type: B\n' });
    expect(await main(['transform', 'bad.yaml'], m.io)).toBe(1);
    expect(m.stdout()).toBe('');
    expect(m.stderr()).toBe(
      'bad.yaml:4:5: error parse/duplicate-key the key "Type" appears twice in this mapping; CloudFormation refuses duplicate keys\n' +
        '  4 |     Type: B\n' +
        '    |     ^\n',
    );
  });

  it('errors of the transform are located through the source map', async () => {
    const m = memoryIO({
      'api.yaml':
        'Resources:\n  MyApi:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: Prod\n      Auth:\n        DefaultAuthorizer: Nope\n        Authorizers:\n          A:\n            UserPoolArn: arn\n',
    });
    expect(await main(['transform', 'api.yaml'], m.io)).toBe(1);
    expect(m.stdout()).toBe('');
    expect(m.stderr()).toMatch(/^api\.yaml:7:28: error \S+ /);
  });

  it('hostile input from stdin exits 1 with a located error', async () => {
    const m = memoryIO({}, '');
    expect(await main(['transform', '-'], m.io)).toBe(1);
    expect(m.stderr()).toBe('<stdin>:1:1: error parse/empty the file is empty\n  1 | \n    | ^\n');
  });

  it('passes --parameter-overrides to the transform as strings', () => {
    const parsed = parseTransformArgs(['t.yaml', '--parameter-overrides', 'Stage=prod', 'ParameterKey=Env,ParameterValue=a=b', 'Empty=', '-f', 'yaml']);
    expect(parsed).toEqual({ ok: true, value: { input: 't.yaml', format: 'yaml', parameters: { Stage: 'prod', Env: 'a=b', Empty: '' }, help: false } });
  });

  it('validate is dispatched to its own command', async () => {
    const m = memoryIO();
    expect(await main(['validate', '--help'], m.io)).toBe(0);
    expect(m.stdout()).toContain('Usage: sam-auth validate');
  });
});
