import fs from 'node:fs';
import path from 'node:path';
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';

// The example imports the published entry point; here it is the source of the kit.
jest.mock('sam-auth-macro/runtime', () => jest.requireActual('../../src/runtime'), { virtual: true });

const EXAMPLE = path.resolve(__dirname, '../../examples/authorizer');
type Handler = (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;
// A plain require: the example resolves its import through its own package.json, which the type checker here cannot.
const { handler } = require(path.join(EXAMPLE, 'src/authorizer')) as { handler: Handler };

const STAGE = 'arn:aws:execute-api:us-west-2:123456789012:abc123/dev';
const call = (authorizationToken: string, methodArn = `${STAGE}/GET/`) =>
  handler({ type: 'TOKEN', methodArn, authorizationToken });

describe('examples/authorizer: the Chalice demo, ported', () => {
  it.each(['allow', 'Bearer allow', 'bearer allow'])('grants GET / to the token %p, with its context', async (token) => {
    const result = await call(token);
    expect(result.principalId).toBe('user');
    expect(result.context).toEqual({ plan: 'demo' });
    expect(result.policyDocument.Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Resource: expect.arrayContaining([`${STAGE}/GET/`]) }),
    ]);
  });

  it.each(['deny', 'Allow', 'allowed', ''])('denies the whole stage to the token %p (API Gateway answers 403)', async (token) => {
    const result = await call(token);
    expect(result.policyDocument.Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: [`${STAGE}/*/*`] },
    ]);
  });

  it('builds the same policy whichever route is being called, so the cached policy stays right', async () => {
    expect(await call('allow', `${STAGE}/POST/other`)).toEqual(await call('allow'));
  });

  it('is wired by the template: entry points exist, the macro runs before SAM, the authorizer guards GET /', () => {
    const template = fs.readFileSync(path.join(EXAMPLE, 'template.yaml'), 'utf8');
    expect(template).toMatch(/^Transform:\n {2}- SamAuth\n {2}- AWS::Serverless-2016-10-31$/m);
    expect(template).toMatch(/DefaultAuthorizer: DemoAuth/);
    expect(template).toMatch(/FunctionArn: !GetAtt DemoAuthFunction\.Arn/);
    for (const [, entry] of template.matchAll(/^ +- (src\/\S+\.ts)$/gm)) {
      expect(fs.existsSync(path.join(EXAMPLE, entry))).toBe(true);
    }
    expect([...template.matchAll(/^ +- (src\/\S+\.ts)$/gm)]).toHaveLength(2);
  });
});
