import { transform } from '../../src/transform';
import { normalize } from '../../src/normalize/index';
import { emit } from '../../src/emit/index';
import type { JsonObject } from '../../src/model/json';

// The lowering's own errors (SAM's checks at translation time), one row per problem: the code, the path it
// points at and what the message must name. Rows run through `transform`; `emitOnly` rows call the lowering
// directly, for checks the schema check would otherwise report first.

const fn = (events: JsonObject): JsonObject => ({
  Type: 'AWS::Serverless::Function',
  Properties: { CodeUri: 's3://b/k', Handler: 'i.h', Runtime: 'nodejs20.x', Events: events },
});
const getEvent = (auth?: JsonObject): JsonObject => ({
  Get: { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: '/x', Method: 'get', ...(auth ? { Auth: auth } : {}) } },
});
const api = (props: JsonObject): JsonObject => ({ Type: 'AWS::Serverless::Api', Properties: { StageName: 'p', ...props } });
const cognito: JsonObject = {
  DefaultAuthorizer: 'C',
  Authorizers: { C: { UserPoolArn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x' } },
};
const template = (apiProps: JsonObject, eventAuth?: JsonObject): JsonObject => ({
  Resources: { Api: api(apiProps), Fn: fn(getEvent(eventAuth)) },
});

interface Row {
  name: string;
  template: JsonObject;
  code: string;
  path: string;
  says: string[];
  emitOnly?: boolean;
}

const rows: Row[] = [
  {
    name: 'DefinitionUri with Auth',
    template: template({ DefinitionUri: 's3://b/k', Auth: cognito }),
    code: 'sam/invalid-api',
    path: '/Resources/Api/Properties/DefinitionUri',
    says: ['Auth works only with inline Swagger', 'DefinitionBody'],
  },
  {
    name: 'DefinitionUri with event Auth only',
    template: template({ DefinitionUri: 's3://b/k' }, { ApiKeyRequired: true }),
    code: 'sam/unsupported-property',
    path: '/Resources/Api/Properties/DefinitionUri',
    says: ["'DefinitionUri' cannot be edited", 'DefinitionBody'],
  },
  {
    name: 'a property SAM does not define, with a suggestion',
    template: template({ Auth: cognito, Tracingenabled: true }),
    code: 'sam/unsupported-property',
    path: '/Resources/Api/Properties/Tracingenabled',
    says: ["'Tracingenabled' is not defined for resource of type AWS::Serverless::Api", "Did you mean 'TracingEnabled'?"],
  },
  {
    name: 'a DefinitionBody that is not Swagger or OpenAPI',
    template: template({ Auth: cognito, DefinitionBody: { foo: 1 } }),
    code: 'sam/invalid-api',
    path: '/Resources/Api/Properties/DefinitionBody',
    says: ["'DefinitionBody' does not contain a valid Swagger definition"],
  },
  {
    name: 'Cors that is neither a string nor a map',
    template: template({ Auth: cognito, Cors: 5 }),
    code: 'sam/invalid-api',
    path: '/Resources/Api/Properties/Cors',
    says: ["Invalid value for 'Cors' property"],
  },
  {
    name: 'an unknown GatewayResponses field',
    template: template({ Auth: cognito, GatewayResponses: { UNAUTHORIZED: { Foo: 1 } } }),
    code: 'sam/invalid-api',
    path: '/Resources/Api/Properties/GatewayResponses/UNAUTHORIZED/Foo',
    says: ["Invalid property 'Foo'", "'GatewayResponses' property 'UNAUTHORIZED'"],
  },
  {
    name: 'an unknown Auth key (the schema names it first; the lowering refuses it too)',
    template: template({ Auth: { ...cognito, Bogus: 1 } }),
    code: 'sam/invalid-auth',
    path: '/Resources/Api/Properties/Auth/Bogus',
    says: ["Invalid value for 'Auth' property"],
    emitOnly: true,
  },
];

describe('lowering errors', () => {
  it.each(rows)('$name', (row) => {
    const errors = row.emitOnly
      ? emit(normalize(row.template).model, row.template, {}).diagnostics
      : (transform(row.template).diagnostics ?? []);
    const first = errors.find((d) => d.severity === 'error');
    expect(first).toMatchObject({ code: row.code, path: row.path, resource: 'Api' });
    for (const phrase of row.says) expect(first?.message).toContain(phrase);
    if (!row.emitOnly) expect(transform(row.template).fragment).toBeUndefined();
  });
});
