/**
 * `securityDefinitions` entries: one per authorizer (SAM ApiGatewayAuthorizer.generate_swagger), plus the
 * AWS_IAM and api_key entries SAM adds when methods use them. The checks SAM makes on an authorizer's shape
 * when it builds one are validation's (schema and rules), which runs first: test/emit/validated-first.test.ts.
 */
import type { Json, JsonObject } from '../../model/json';
import { isObject } from '../../model/json';
import { type DocWhere, rejectDefinition } from '../reject';

const AUTHORIZER_KEY = 'x-amazon-apigateway-authorizer';

function securityDefinitions(doc: JsonObject, where: DocWhere): JsonObject {
  const current = doc.securityDefinitions;
  if (current === undefined || current === null || (isObject(current) && Object.keys(current).length === 0) || current === '' || current === false) {
    doc.securityDefinitions = {};
    return doc.securityDefinitions;
  }
  if (!isObject(current)) rejectDefinition('securityDefinitions must be a dictionary.', where, ['securityDefinitions']);
  return current;
}

/** SAM add_awsiam_security_definition (kept when the user already wrote one). */
export function addAwsIamSecurityDefinition(doc: JsonObject): void {
  const defs = isObject(doc.securityDefinitions) ? doc.securityDefinitions : (doc.securityDefinitions = {});
  if (!('AWS_IAM' in defs)) {
    defs.AWS_IAM = { 'x-amazon-apigateway-authtype': 'awsSigv4', type: 'apiKey', name: 'Authorization', in: 'header' };
  }
}

/** SAM add_apikey_security_definition. */
export function addApiKeySecurityDefinition(doc: JsonObject, where: DocWhere): void {
  const defs = securityDefinitions(doc, where);
  if (!('api_key' in defs)) defs.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
}

function identitySource(identity: JsonObject): string {
  const parts: string[] = [];
  const prefixes: [string, string][] = [
    ['Headers', 'method.request.header.'],
    ['QueryStrings', 'method.request.querystring.'],
    ['StageVariables', 'stageVariables.'],
    ['Context', 'context.'],
  ];
  for (const [key, prefix] of prefixes) {
    const list = identity[key];
    if (Array.isArray(list)) for (const item of list) parts.push(prefix + String(item));
  }
  return parts.join(', ');
}

/** The securityDefinitions entry SAM writes for one authorizer (`AWS_IAM` when it is the default). */
export function authorizerSecurityDefinition(authorizer: JsonObject | 'AWS_IAM'): JsonObject {
  if (authorizer === 'AWS_IAM') {
    return { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
  }
  const identity = isObject(authorizer.Identity) ? authorizer.Identity : undefined;
  const isCognito = Boolean(authorizer.UserPoolArn);
  const payloadType = authorizer.FunctionPayloadType || 'TOKEN';
  const header: Json = identity && identity.Header ? identity.Header : 'Authorization';
  const out: JsonObject = {
    type: 'apiKey',
    name: !isCognito && payloadType === 'REQUEST' ? 'Unused' : header,
    in: 'header',
  };
  let details: JsonObject;
  if (isCognito) {
    const arns = authorizer.UserPoolArn;
    details = { type: 'cognito_user_pools', providerARNs: Array.isArray(arns) ? arns : [arns] };
  } else {
    details = {
      type: payloadType === 'REQUEST' ? 'request' : 'token',
      // `AuthorizerUri` (our extension, Chalice's custom authorizer outside this template) is used as written.
      authorizerUri:
        authorizer.FunctionArn === undefined && authorizer.AuthorizerUri !== undefined
          ? authorizer.AuthorizerUri
          : {
              'Fn::Sub': [
                'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations',
                { __FunctionArn__: authorizer.FunctionArn ?? null },
              ],
            },
    };
    if (identity && identity.ReauthorizeEvery !== undefined && identity.ReauthorizeEvery !== null) {
      details.authorizerResultTtlInSeconds = identity.ReauthorizeEvery;
    }
    const role = authorizer.FunctionInvokeRole;
    if (role && role !== 'NONE') details.authorizerCredentials = role;
    if (payloadType === 'REQUEST' && identity) {
      const source = identitySource(identity);
      if (source) details.identitySource = source;
    }
  }
  if (isCognito || payloadType === 'TOKEN') {
    const expression = identity?.ValidationExpression;
    if (expression) details.identityValidationExpression = expression;
  }
  out[AUTHORIZER_KEY] = details;
  out['x-amazon-apigateway-authtype'] = isCognito ? 'cognito_user_pools' : 'custom';
  return out;
}

/** SAM add_authorizers_security_definitions: entries in the order given. */
export function addAuthorizerDefinitions(doc: JsonObject, authorizers: [string, JsonObject | 'AWS_IAM'][], where: DocWhere): void {
  const prov = where.prov;
  const defs = isObject(doc.securityDefinitions) ? doc.securityDefinitions : undefined;
  if (doc.securityDefinitions !== undefined && doc.securityDefinitions !== null && !defs && doc.securityDefinitions !== '') {
    rejectDefinition('securityDefinitions must be a dictionary.', where, ['securityDefinitions']);
  }
  const target = defs ?? (doc.securityDefinitions = {});
  for (const [name, authorizer] of authorizers) {
    const entry = authorizerSecurityDefinition(authorizer);
    // Assigning to a key the dict has keeps the key it has (e.g. the native AWS_IAM an event added).
    if (!Object.hasOwn(target, name)) prov.unicodeKey(target, name);
    target[name] = entry;
    if (authorizer === 'AWS_IAM') continue;
    // Strings SAM copies from the template stay unicode; its own literals are native.
    const identity = isObject(authorizer.Identity) ? authorizer.Identity : undefined;
    if (identity && identity.Header && entry.name === identity.Header) prov.unicodeValue(entry, 'name');
    const details = entry[AUTHORIZER_KEY] as JsonObject;
    for (const key of ['authorizerCredentials', 'identityValidationExpression', 'identitySource']) prov.unicodeValue(details, key);
    if (Array.isArray(details.providerARNs) && !Array.isArray(authorizer.UserPoolArn)) prov.unicodeValue(details.providerARNs, 0);
    // fnSub(uri, {"__FunctionArn__": FunctionArn}): plain dicts around the template's FunctionArn.
    const uri = details.authorizerUri;
    const subArgs = isObject(uri) ? uri['Fn::Sub'] : undefined;
    if (isObject(uri) && Array.isArray(subArgs) && isObject(subArgs[1]) && authorizer.FunctionArn !== undefined) {
      prov.plainDict(uri);
      prov.plainDict(subArgs[1]);
      prov.unicodeValue(subArgs[1], '__FunctionArn__');
    }
  }
}
