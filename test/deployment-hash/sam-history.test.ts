/**
 * The parts of SAM's history the Deployment id depends on beyond the conformance set: float scalars from the
 * parser, SwaggerEditor sessions (held-aside maps written back last), in-place dicts, the implicit API plugin's
 * event order, and Deployment ids SAM publishes in its own translator tests for features the conformance cases
 * do not cover (gateway responses, binary media types).
 */
import { parseTemplate } from '../../src/parse/index';
import { normalize } from '../../src/normalize/index';
import { lowerApi } from '../../src/emit/lower-api';
import { lowerContext } from '../../src/emit/index';
import { py27EventOrder } from '../../src/emit/events';
import { EditorSessions, openEditor } from '../../src/emit/swagger/editor-session';
import { Provenance, renderPy27 } from '../../src/emit/deployment-hash/index';
import type { Json, JsonObject } from '../../src/model/json';
import type { Route } from '../../src/model/auth';
import { InspectableProvenance } from './inspectable-provenance';

function parsed(text: string) {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

/** Every API of the template lowered (auth or not), as `<Api>Deployment<hash>`. */
function deploymentIds(text: string): string[] {
  const p = parsed(text);
  const model = normalize(p.template).model;
  const ctx = lowerContext(p.template, p.sourceMap);
  return model.apis.map((api) => {
    const out = lowerApi(api, ctx);
    return out.resources.map(([id]) => id).find((id) => id.startsWith(api.logicalId + 'Deployment')) ?? '';
  });
}

describe('parser floats', () => {
  it.each([
    ['Resources: {A: {Type: X}}\nswagger: 2.0', ['swagger'], true],
    ['Resources: {A: {Type: X}}\nswagger: 2', ['swagger'], false],
    ["Resources: {A: {Type: X}}\nswagger: '2.0'", ['swagger'], false],
    ['Resources: {A: {Type: X}}\nswagger: !!float 2', ['swagger'], true],
    ['Resources: {A: {Type: X}}\na: [1.5, 2]', ['a', 0], true],
    ['Resources: {A: {Type: X}}\na: [1.5, 2]', ['a', 1], false],
    ['{"Resources": {"A": {"Type": "X"}}, "a": 2.0, "b": 2}', ['a'], true],
    ['{"Resources": {"A": {"Type": "X"}}, "a": 2.0, "b": 2}', ['b'], false],
  ])('%j at %j is a float: %s', (text, path, want) => {
    expect(parsed(text).sourceMap.isFloat(path)).toBe(want);
  });
});

describe('editor sessions', () => {
  it('write held-aside maps back after what the session wrote into the doc directly', () => {
    const prov = new InspectableProvenance();
    const doc: JsonObject = { swagger: '2.0', paths: {} };
    const where = { path: [], resource: 'Api', prov };
    new EditorSessions(doc, where).session(() => {
      doc.securityDefinitions = { AWS_IAM: {} };
      doc['x-amazon-apigateway-policy'] = { Version: '2012-10-17' };
    });
    const inserts = prov.history(doc).flatMap((op) => (op.op === 'insert' ? [op.key] : []));
    expect(inserts).toEqual(['swagger', 'paths', 'x-amazon-apigateway-policy', 'securityDefinitions']);
  });

  it('leave a map the doc already had where it was', () => {
    const prov = new InspectableProvenance();
    const doc: JsonObject = { swagger: '2.0', paths: {}, securityDefinitions: { a: {} } };
    new EditorSessions(doc, { path: [], resource: 'Api', prov }).session(() => {
      doc['x-amazon-apigateway-policy'] = {};
    });
    const inserts = prov.history(doc).flatMap((op) => (op.op === 'insert' ? [op.key] : []));
    expect(inserts).toEqual(['swagger', 'paths', 'securityDefinitions', 'x-amazon-apigateway-policy']);
  });

  it('in a chain record what sessions opened and closed one by one record', () => {
    // Events adding methods (routed sessions), then the API's auth session adding `security` to every method and
    // the held-aside securityDefinitions; keys chosen to collide, so that the number of rebuilds shows.
    const routes: [string, string][] = [['/a', 'get'], ['/b', 'post'], ['/a', 'put'], ['/c', 'get'], ['/b', 'get']];
    const edit = (doc: JsonObject, [path, method]: [string, string]): void => {
      const paths = doc.paths as JsonObject;
      const item = (paths[path] ??= {}) as JsonObject;
      item[method] = { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: path, httpMethod: 'POST' }, responses: {} };
    };
    const auth = (doc: JsonObject): void => {
      doc.securityDefinitions = { in: { type: 'apiKey', in: 'header', name: 'x' } };
      for (const item of Object.values(doc.paths as JsonObject)) {
        for (const method of Object.values(item as JsonObject)) (method as JsonObject).security = [{ in: [] }];
      }
    };
    const run = (chained: boolean): { prov: InspectableProvenance; doc: JsonObject } => {
      const prov = new InspectableProvenance();
      const doc: JsonObject = { swagger: '2.0', info: { title: 't', version: '1' }, paths: {} };
      prov.fromTemplate(doc);
      const where = { path: [], resource: 'Api', prov };
      const sessions = new EditorSessions(doc, where);
      for (const route of routes) {
        if (chained) sessions.open(route);
        const close = chained ? undefined : openEditor(doc, where, route);
        edit(doc, route);
        close?.();
      }
      if (chained) sessions.session(() => auth(doc));
      else {
        const close = openEditor(doc, where);
        auth(doc);
        close();
      }
      return { prov, doc };
    };
    const dicts = (node: Json, out: JsonObject[] = []): JsonObject[] => {
      if (Array.isArray(node)) node.forEach((item) => dicts(item, out));
      else if (node !== null && typeof node === 'object') {
        out.push(node);
        Object.values(node).forEach((value) => dicts(value, out));
      }
      return out;
    };
    const one = run(false);
    const chain = run(true);
    const histories = ({ prov, doc }: { prov: InspectableProvenance; doc: JsonObject }): unknown[] => dicts(doc).map((d) => [prov.history(d), prov.py27Order(d)]);
    expect(histories(chain)).toEqual(histories(one));
    // (Enough dicts for the comparison to mean something.)
    expect(histories(one).length).toBeGreaterThan(10);
  });
});

describe('Provenance.sameDict', () => {
  it('lets a copy carry on as the same Python dict (keys keep their type, a replaced value is native)', () => {
    const prov = new Provenance();
    const policy: JsonObject = { Version: '2012-10-17', Statement: [] };
    prov.fromTemplate(policy);
    const copy = { ...policy };
    prov.sameDict(policy, copy);
    copy.Version = '2012-10-17';
    prov.nativeValue(copy, 'Version');
    expect(renderPy27(copy, prov)).toBe("{u'Version': '2012-10-17', u'Statement': []}");
  });
});

describe('py27EventOrder', () => {
  const names = ['WithNoAuthorizer', 'WithCognitoAuthorizer', 'WithLambdaTokenAuthorizer', 'WithLambdaRequestAuthorizer', 'WithDefaultAuthorizer', 'Other'];
  const events = Object.fromEntries(names.map((n) => [n, { Type: n === 'Other' ? 'S3' : 'Api', Properties: {} }]));
  const resources: JsonObject = { Fn: { Type: 'AWS::Serverless::Function', Properties: { Events: events } } };
  const routes = names
    .filter((n) => n !== 'Other')
    .map((eventName) => ({ owner: 'Fn', ownerType: 'AWS::Serverless::Function', eventName }) as unknown as Route);

  it('visits every Api event once in both passes', () => {
    for (const pass of ['plugin', 'translate'] as const) {
      expect(py27EventOrder(routes, resources, pass).map((r) => r.eventName).sort()).toEqual(routes.map((r) => r.eventName).sort());
    }
  });
});

describe("SAM's published Deployment ids (tests/translator/output of aws/serverless-application-model)", () => {
  it('gateway responses: template names and values unicode, str(StatusCode) native, 2.7 order (api_with_gateway_responses_all)', () => {
    const template = `
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://sam-demo-bucket/member_portal.zip
      Handler: index.gethtml
      Runtime: nodejs12.x
      Events:
        GetHtml:
          Type: Api
          Properties:
            Path: /
            Method: get
            RestApiId: !Ref ExplicitApi
  ExplicitApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      GatewayResponses:
        UNAUTHORIZED:
          StatusCode: 401
          ResponseParameters:
            Headers:
              Access-Control-Expose-Headers: "'WWW-Authenticate'"
              Access-Control-Allow-Origin: "'*'"
              WWW-Authenticate: >-
                'Bearer realm="admin"'
            Paths:
              PathKey: "'path-value'"
            QueryStrings:
              QueryStringKey: "'query-string-value'"
        QUOTA_EXCEEDED:
          StatusCode: 429
          ResponseParameters:
            Headers:
              Retry-After: "'31536000'"
`;
    expect(deploymentIds(template)).toEqual(['ExplicitApiDeploymentedbd8aa001']);
  });

  it('binary media types: ~1 replaced, every string and key unicode (api_with_binary_media_types)', () => {
    const template = `
Globals:
  Api:
    BinaryMediaTypes:
      - image~1gif
      - {"Fn::Join": ["~1", ["image", "png"]]}
Resources:
  ImplicitApiFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://sam-demo-bucket/member_portal.zip
      Handler: index.gethtml
      Runtime: nodejs4.3
      Events:
        GetHtml:
          Type: Api
          Properties:
            Path: /
            Method: get
`;
    expect(deploymentIds(template)).toEqual(['ServerlessRestApiDeployment4f3fcf6bd1']);
  });
});
