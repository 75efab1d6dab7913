import {
  checkTemplateLimits,
  templateLimitErrors,
  INLINE_TEMPLATE_BODY_LIMIT,
  RESOURCES_PER_STACK_LIMIT,
  S3_TEMPLATE_BODY_LIMIT,
  templateByteSize,
} from '../../src/emit/limits';
import type { JsonObject } from '../../src/model/json';
import { transform, transformForErrors } from '../../src/transform';

/** A template of exactly `bytes` bytes of compact JSON, padded through its Description. */
function templateOfSize(bytes: number, resourceCount = 1): JsonObject {
  const resources: JsonObject = {};
  for (let i = 0; i < resourceCount; i++) resources[`Topic${i}`] = { Type: 'AWS::SNS::Topic' };
  const template: JsonObject = { Description: '', Resources: resources };
  const base = templateByteSize(template);
  if (bytes < base) throw new Error(`cannot build a template of ${bytes} bytes: the skeleton alone is ${base}`);
  template['Description'] = 'x'.repeat(bytes - base);
  return template;
}

describe('templateByteSize', () => {
  it.each([
    ['ASCII', { A: 'abc' }, '{"A":"abc"}'.length],
    ['two-byte UTF-8 characters', { A: 'é' }, '{"A":""}'.length + 2],
    ['four-byte UTF-8 characters', { A: '😀' }, '{"A":""}'.length + 4],
    ['escaped characters', { A: 'a"b\n' }, '{"A":"a\\"b\\n"}'.length],
  ])('counts UTF-8 bytes of compact JSON: %s', (_name, template, expected) => {
    expect(templateByteSize(template as JsonObject)).toBe(expected);
  });
});

describe('checkTemplateLimits: template size', () => {
  it.each([
    { bytes: 1_000, codes: [] },
    { bytes: INLINE_TEMPLATE_BODY_LIMIT, codes: [] },
    { bytes: INLINE_TEMPLATE_BODY_LIMIT + 1, codes: ['limits/template-over-inline-limit'] },
    { bytes: 500_000, codes: ['limits/template-over-inline-limit'] },
    { bytes: S3_TEMPLATE_BODY_LIMIT, codes: ['limits/template-over-inline-limit'] },
    { bytes: S3_TEMPLATE_BODY_LIMIT + 1, codes: ['limits/template-too-large'] },
    { bytes: 2_000_000, codes: ['limits/template-too-large'] },
  ])('$bytes bytes → $codes', ({ bytes, codes }) => {
    const template = templateOfSize(bytes);
    expect(templateByteSize(template)).toBe(bytes);
    expect(checkTemplateLimits(template).map((d) => d.code)).toEqual(codes);
  });

  it('says by how much a too-large template is over, as an error at the root', () => {
    const [d] = checkTemplateLimits(templateOfSize(1_258_291));
    expect(d).toEqual({
      code: 'limits/template-too-large',
      severity: 'error',
      path: '',
      message:
        'The processed template is 1,258,291 bytes; CloudFormation accepts at most 1,048,576 bytes (1 MB), even from S3. ' +
        'It is 209,715 bytes (20.0%) over: split the stack, for example into nested stacks.',
    });
  });

  it('names a tiny overshoot without rounding it to zero', () => {
    const [d] = checkTemplateLimits(templateOfSize(S3_TEMPLATE_BODY_LIMIT + 10));
    expect(d?.message).toContain('It is 10 bytes (under 0.1%) over');
  });

  it('tells the user to deploy through S3 when only the inline limit is exceeded', () => {
    const [d] = checkTemplateLimits(templateOfSize(60_000));
    expect(d).toEqual({
      code: 'limits/template-over-inline-limit',
      severity: 'info',
      path: '',
      message:
        'The processed template is 60,000 bytes, over the 51,200-byte limit for an inline template body by 8,800 bytes: ' +
        'deploy it from S3 (sam deploy does; aws cloudformation deploy needs --s3-bucket).',
    });
  });
});

describe('checkTemplateLimits: resource count', () => {
  it.each([
    { count: 0, codes: [] },
    { count: RESOURCES_PER_STACK_LIMIT, codes: [] },
    { count: RESOURCES_PER_STACK_LIMIT + 1, codes: ['limits/too-many-resources'] },
  ])('$count resources → $codes', ({ count, codes }) => {
    const template = templateOfSize(40_000, count);
    expect(checkTemplateLimits(template).map((d) => d.code)).toEqual(codes);
  });

  it('points at Resources and gives the count and the overshoot', () => {
    const [d] = checkTemplateLimits(templateOfSize(45_000, 512));
    expect(d).toMatchObject({ severity: 'error', path: '/Resources' });
    expect(d?.message).toBe(
      'The processed template declares 512 resources; CloudFormation allows 500 per stack (12 over): ' +
        'split the stack, for example into nested stacks.',
    );
  });

  it('reports both limits when both are exceeded', () => {
    const codes = checkTemplateLimits(templateOfSize(1_100_000, 600)).map((d) => d.code);
    expect(codes).toEqual(['limits/template-too-large', 'limits/too-many-resources']);
  });

  it('ignores a template without a Resources mapping', () => {
    expect(checkTemplateLimits({ Resources: 'not-a-map' })).toEqual([]);
  });
});

describe('transform and the limits', () => {
  /** One API with a Cognito authorizer and `routes` Api events on one function: SAM makes a permission a route. */
  function templateWithRoutes(routes: number): JsonObject {
    const events: JsonObject = {};
    for (let r = 0; r < routes; r++) {
      events[`Get${r}`] = { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: `/items${r}`, Method: 'get' } };
    }
    return {
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        Api: {
          Type: 'AWS::Serverless::Api',
          Properties: {
            StageName: 'prod',
            Auth: { DefaultAuthorizer: 'Users', Authorizers: { Users: { UserPoolArn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc' } } },
          },
        },
        Handler: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Events: events } },
      },
    };
  }

  it('refuses a lowered template over 500 resources, with no fragment', () => {
    const result = transform(templateWithRoutes(520), { region: 'us-east-1' });
    expect(result.fragment).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['limits/too-many-resources']);
  });

  it('returns that template when checkLimits is false (what the bench serialises)', () => {
    const result = transform(templateWithRoutes(520), { region: 'us-east-1', checkLimits: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.keys(result.fragment?.['Resources'] as JsonObject).length).toBeGreaterThan(RESOURCES_PER_STACK_LIMIT);
  });
});

describe('templateLimitErrors (what the macro checks)', () => {
  it.each([
    [40_000, 1],
    [60_000, 1],
    [1_100_000, 1],
    [60_000, 600],
  ])('%i bytes, %i resources: the errors of checkTemplateLimits, without the inline-limit note', (bytes, count) => {
    const template = templateOfSize(bytes, count);
    const errors = checkTemplateLimits(template).filter((d) => d.severity === 'error');
    expect(templateLimitErrors(template)).toEqual(errors);
  });

  it('transformForErrors reports no note for a template over the inline limit; transform does', () => {
    const events: JsonObject = {};
    for (let r = 0; r < 200; r++) events[`Get${r}`] = { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: `/items${r}`, Method: 'get' } };
    const template: JsonObject = {
      Resources: {
        Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod', Auth: { DefaultAuthorizer: 'AWS_IAM' } } },
        Handler: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Events: events } },
      },
    };
    const codes = (ds: { code: string }[]) => ds.map((d) => d.code);
    expect(codes(transform(template).diagnostics)).toContain('limits/template-over-inline-limit');
    const errorsOnly = transformForErrors(template);
    expect(errorsOnly.diagnostics).toEqual([]);
    expect(errorsOnly.fragment).toEqual(transform(template).fragment);
  });
});
