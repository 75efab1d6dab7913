import { transform } from '../src/transform';

describe('transform', () => {
  it('returns a template without auth unchanged', () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler' } } },
    };
    const copy = JSON.parse(JSON.stringify(template));
    const result = transform(template);
    expect(result.diagnostics).toEqual([]);
    expect(result.fragment).toEqual(copy);
  });
});
