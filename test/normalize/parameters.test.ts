/**
 * Template parameter resolution as SAM does it before lowering an API: given values over Defaults, Ref and
 * Fn::Sub resolved only in Auth, Domain and BinaryMediaTypes, a non-string Fn::Sub variable refused where it
 * was written.
 */
import { normalize } from '../../src/normalize/index';
import { parameterValues, resolveParameterRefs } from '../../src/normalize/parameters';
import { pythonRepr } from '../../src/model/python';
import { pyStr } from '../../src/emit/swagger/paths';
import { transform } from '../../src/transform';
import type { Json, JsonObject } from '../../src/model/json';

const values = new Map<string, Json>([
  ['Name', 'value'],
  ['List', ['a', 'b']],
  ['Number', 5],
  ['AWS::Region', 'eu-west-1'],
]);

describe('parameterValues', () => {
  const template: JsonObject = {
    Parameters: { A: { Type: 'String', Default: 'a-default' }, B: { Type: 'String', Default: 'b-default' }, C: { Type: 'String' } },
  };

  it('takes the given values over the Defaults, and leaves parameters with neither out', () => {
    const found = parameterValues(template, { parameterValues: { B: 'given' } });
    expect(Object.fromEntries(found)).toEqual({ A: 'a-default', B: 'given' });
  });

  it('adds AWS::Region and its partition only when the region is known', () => {
    expect(parameterValues({}, {}).has('AWS::Region')).toBe(false);
    expect(Object.fromEntries(parameterValues({}, { region: 'cn-north-1' }))).toEqual({ 'AWS::Region': 'cn-north-1', 'AWS::Partition': 'aws-cn' });
    expect(parameterValues({}, { region: 'us-gov-west-1' }).get('AWS::Partition')).toBe('aws-us-gov');
    expect(parameterValues({}, { region: 'eu-west-1', parameterValues: { 'AWS::Partition': 'x' } }).get('AWS::Partition')).toBe('x');
  });
});

describe('resolveParameterRefs', () => {
  const table: [string, Json, Json][] = [
    ['a Ref to a parameter', { Ref: 'Name' }, 'value'],
    ['a Ref to a list parameter', { Ref: 'List' }, ['a', 'b']],
    ['a Ref to something else stays', { Ref: 'MyFunction' }, { Ref: 'MyFunction' }],
    ['a Ref to a pseudo parameter we know', { Ref: 'AWS::Region' }, 'eu-west-1'],
    ['a Ref to a pseudo parameter we do not know stays', { Ref: 'AWS::AccountId' }, { Ref: 'AWS::AccountId' }],
    ['refs inside lists and maps', { a: [{ Ref: 'Name' }, 'x'], b: { c: { Ref: 'Name' } } }, { a: ['value', 'x'], b: { c: 'value' } }],
    ['Fn::Sub string', { 'Fn::Sub': 'arn:${AWS::Region}:${Name}:${Other}' }, { 'Fn::Sub': 'arn:eu-west-1:value:${Other}' }],
    ['Fn::Sub list form: only its string, then its variables as values', { 'Fn::Sub': ['${Name}-${X}', { X: { Ref: 'Name' } }] }, { 'Fn::Sub': ['value-${X}', { X: 'value' }] }],
    ['Fn::Sub literal ${!Name} stays', { 'Fn::Sub': '${!Name}' }, { 'Fn::Sub': '${!Name}' }],
    ['Fn::GetAtt stays', { 'Fn::GetAtt': ['Name', 'Arn'] }, { 'Fn::GetAtt': ['Name', 'Arn'] }],
    ['a map with two keys is not an intrinsic', { Ref: 'Name', Other: 1 }, { Ref: 'Name', Other: 1 }],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    const result = resolveParameterRefs(input, values, ['Auth']);
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual(expected);
  });

  it('does not change its input', () => {
    const input: JsonObject = { a: { Ref: 'Name' } };
    resolveParameterRefs(input, values, []);
    expect(input).toEqual({ a: { Ref: 'Name' } });
  });

  it.each([
    ['List', "['a', 'b']"],
    ['Number', '5'],
  ])('refuses a Fn::Sub variable %s that is not a string, located at the Fn::Sub', (name, repr) => {
    const result = resolveParameterRefs({ x: [{ 'Fn::Sub': '${' + name + '}' }] }, values, ['Auth'], 'MyApi');
    expect(result.diagnostics).toEqual([
      {
        code: 'sam/invalid-intrinsic',
        severity: 'error',
        message: `Invalid Fn::Sub variable value ${repr}. Fn::Sub expects all variables to be strings.`,
        path: '/Auth/x/0/Fn::Sub',
        resource: 'MyApi',
      },
    ]);
  });

  it('prints values as Python 3 repr does', () => {
    expect(pythonRepr(['a', true, null, 1.5, { k: "it's" }])).toBe(`['a', True, None, 1.5, {'k': "it's"}]`);
  });
});

describe('normalize resolves parameters only where SAM does', () => {
  const template = (): JsonObject => ({
    Parameters: { Plan: { Type: 'String', Default: 'PER_API' }, Vpc: { Type: 'String', Default: 'vpc-1' } },
    Globals: { Api: { Auth: { ResourcePolicy: { SourceVpcWhitelist: [{ Ref: 'Vpc' }] } } } },
    Resources: {
      MyApi: {
        Type: 'AWS::Serverless::Api',
        Properties: {
          StageName: { Ref: 'Plan' },
          BinaryMediaTypes: [{ Ref: 'Plan' }],
          Domain: { DomainName: { Ref: 'Vpc' }, CertificateArn: 'arn' },
          Auth: { ApiKeyRequired: true, UsagePlan: { CreateUsagePlan: { Ref: 'Plan' } } },
        },
      },
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Events: {
            Get: { Type: 'Api', Properties: { Path: '/', Method: 'get', Auth: { InvokeRole: { Ref: 'Plan' } } } },
          },
        },
      },
    },
  });

  it('inlines them in Auth (with Globals), Domain and BinaryMediaTypes, not elsewhere', () => {
    const { model, diagnostics } = normalize(template(), { parameterValues: {} });
    expect(diagnostics).toEqual([]);
    const api = model.apis.find((a) => a.logicalId === 'MyApi');
    expect(api?.properties.Auth).toEqual({
      ResourcePolicy: { SourceVpcWhitelist: ['vpc-1'] },
      ApiKeyRequired: true,
      UsagePlan: { CreateUsagePlan: 'PER_API' },
    });
    expect(api?.properties.Domain).toEqual({ DomainName: 'vpc-1', CertificateArn: 'arn' });
    expect(api?.properties.BinaryMediaTypes).toEqual(['PER_API']);
    expect(api?.properties.StageName).toEqual({ Ref: 'Plan' });
    const implicit = model.apis.find((a) => a.implicit);
    expect(implicit?.properties.Auth).toEqual({ ResourcePolicy: { SourceVpcWhitelist: ['vpc-1'] } });
    expect(implicit?.routes[0].properties.Auth).toEqual({ InvokeRole: { Ref: 'Plan' } });
  });

  it('uses the values given over the Defaults', () => {
    const { model } = normalize(template(), { parameterValues: { Plan: 'SHARED' } });
    expect(model.apis[0].properties.Auth).toMatchObject({ UsagePlan: { CreateUsagePlan: 'SHARED' } });
  });

  it('locates a bad Fn::Sub where it was written: in Globals.Api, or on the resource', () => {
    const t = template();
    (t.Parameters as JsonObject).Vpc = { Type: 'CommaDelimitedList', Default: ['a'] };
    ((((t.Globals as JsonObject).Api as JsonObject).Auth as JsonObject).ResourcePolicy as JsonObject).SourceVpcWhitelist = [{ 'Fn::Sub': '${Vpc}' }];
    const fromGlobals = normalize(t).diagnostics.map((d) => d.path);
    expect(fromGlobals).toContain('/Globals/Api/Auth/ResourcePolicy/SourceVpcWhitelist/0/Fn::Sub');
    expect(fromGlobals).not.toContain('/Resources/MyApi/Properties/Auth/ResourcePolicy/SourceVpcWhitelist/0/Fn::Sub');

    const u = template();
    (u.Parameters as JsonObject).Vpc = { Type: 'CommaDelimitedList', Default: ['a'] };
    ((u.Resources as JsonObject).MyApi as JsonObject).Properties = { Domain: { DomainName: { 'Fn::Sub': 'x.${Vpc}' } } };
    delete u.Globals;
    expect(normalize(u).diagnostics.map((d) => d.path)).toEqual(['/Resources/MyApi/Properties/Domain/DomainName/Fn::Sub']);
  });

  it('makes transform refuse the template (nothing half-lowered)', () => {
    const t = template();
    (t.Parameters as JsonObject).Plan = { Type: 'Number', Default: 1 };
    (((t.Resources as JsonObject).MyApi as JsonObject).Properties as JsonObject).Auth = { ResourcePolicy: { CustomStatements: [{ Resource: { 'Fn::Sub': '${Plan}' } }] } };
    const out = transform(t);
    expect(out.fragment).toBeUndefined();
    expect(out.diagnostics.map((d) => d.message)).toEqual(['Invalid Fn::Sub variable value 1. Fn::Sub expects all variables to be strings.']);
  });
});

describe('OpenApiVersion written as a number', () => {
  it.each([
    [3, '3.0'],
    [3.1, '3.1'],
    [2, '2.0'],
    ['3.0.1', '3.0.1'],
  ] as [Json, string][])('%p reads as %p (a YAML float, as PyYAML gives SAM)', (value, text) => {
    expect(pyStr(value)).toBe(text);
  });
});
