import { parseMethodArn } from '../../src/runtime';

describe('parseMethodArn', () => {
  it.each([
    [
      'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/',
      { partition: 'aws', region: 'us-east-1', stage: 'prod', method: 'GET', path: '/' },
    ],
    [
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/dev/POST/users/42/orders',
      { partition: 'aws', region: 'eu-west-1', stage: 'dev', method: 'POST', path: '/users/42/orders' },
    ],
    [
      'arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/my-stage-2/DELETE/items/7',
      { partition: 'aws-cn', region: 'cn-north-1', stage: 'my-stage-2', method: 'DELETE', path: '/items/7' },
    ],
    [
      'arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod_v2/OPTIONS/a:b',
      { partition: 'aws-us-gov', region: 'us-gov-west-1', stage: 'prod_v2', method: 'OPTIONS', path: '/a:b' },
    ],
  ])('%s', (arn, expected) => {
    const parsed = parseMethodArn(arn);
    expect(parsed).toMatchObject({ ...expected, accountId: '123456789012', apiId: 'abc123' });
    expect(arn.startsWith(parsed.stageArn + '/')).toBe(true);
    expect(parsed.stageArn).toBe(`arn:${expected.partition}:execute-api:${expected.region}:123456789012:abc123/${expected.stage}`);
  });

  it.each([
    ['not an ARN', 'not-an-arn'],
    ['an HTTP API routeArn', 'arn:aws:execute-api:us-east-1:123456789012:abc123/$default/GET'],
    ['another service', 'arn:aws:lambda:us-east-1:123456789012:function:auth'],
    ['no stage', 'arn:aws:execute-api:us-east-1:123456789012:abc123'],
    ['no verb', 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/'],
    ['a lowercase verb', 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/get/'],
    ['ANY (never a request verb)', 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/ANY/'],
    ['no root slash', 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET'],
    ['an unknown partition', 'arn:azure:execute-api:us-east-1:123456789012:abc123/prod/GET/'],
    ['an empty stage', 'arn:aws:execute-api:us-east-1:123456789012:abc123//GET/'],
    ['a wildcard (a policy resource, not a request)', 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/'],
  ])('rejects %s with the expected shape in the message', (_why, arn) => {
    expect(() => parseMethodArn(arn)).toThrow(TypeError);
    expect(() => parseMethodArn(arn)).toThrow(
      `methodArn ${JSON.stringify(arn)} is not a REST API method ARN ` +
        '(arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path})',
    );
  });

  it.each([[undefined], [null], [42]])('rejects a methodArn of %p', (value) => {
    expect(() => parseMethodArn(value as unknown as string)).toThrow(/^methodArn .* is not a REST API method ARN/);
  });
});
