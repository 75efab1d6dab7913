/**
 * What an Api event adds to its API's definition: the path/method and its integration (Lambda proxy for a
 * function, `StartExecution` for a state machine), as SAM's event sources write them.
 */
import type { Json, JsonObject } from '../../model/json';
import { isObject } from '../../model/json';
import type { DocWhere } from '../reject';
import { addPath, makeConditional, normalizeMethod, pathItems, X_INTEGRATION } from './paths';

const CALLER_CREDENTIALS_ARN = 'arn:aws:iam::*:user/*';

/** `${Fn.Arn}` / `${Alias}`: SAM's shorthand of the function ARN inside an Fn::Sub string. */
function shorthand(value: Json): string {
  if (isObject(value) && Array.isArray(value['Fn::GetAtt'])) return '${' + value['Fn::GetAtt'].join('.') + '}';
  if (isObject(value) && typeof value.Ref === 'string') return '${' + value.Ref + '}';
  return String(value);
}

export function lambdaIntegrationUri(functionArn: Json): JsonObject {
  return {
    'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/' + shorthand(functionArn) + '/invocations',
  };
}

/** SAM: an empty InvokeRole written as a key counts as NONE; CALLER_CREDENTIALS is the caller's identity. */
function invokeRoleOf(auth: JsonObject): Json | undefined {
  const role = auth.InvokeRole;
  if (!role && 'InvokeRole' in auth) return 'NONE';
  return role || undefined;
}

function integrationCredentials(methodAuth: JsonObject, apiAuth: JsonObject): Json | undefined {
  const role = invokeRoleOf(methodAuth) ?? invokeRoleOf(apiAuth);
  return role && role !== 'CALLER_CREDENTIALS' ? role : CALLER_CREDENTIALS_ARN;
}

function wrapMethods(doc: JsonObject, path: string, method: string, condition: Json | undefined, where: DocWhere): void {
  if (condition === undefined) return;
  for (const item of pathItems(doc, path, where)) item[method] = makeConditional(condition, item[method], where);
}

export interface LambdaIntegrationInput {
  path: string;
  method: string;
  uri: JsonObject;
  methodAuth: JsonObject;
  apiAuth: JsonObject;
  condition?: Json;
}

/** SAM add_lambda_integration. */
export function addLambdaIntegration(doc: JsonObject, input: LambdaIntegrationInput, where: DocWhere): void {
  const method = normalizeMethod(input.method);
  addPath(doc, input.path, method, where);
  const uri = input.condition !== undefined ? makeConditional(input.condition, input.uri, where) : input.uri;
  // AWS_IAM on the method, or an AWS_IAM default the event does not override, calls with credentials.
  const iam =
    input.methodAuth.Authorizer === 'AWS_IAM' ||
    (input.apiAuth.DefaultAuthorizer === 'AWS_IAM' && Object.keys(input.methodAuth).length === 0);
  for (const item of pathItems(doc, input.path, where)) {
    const def = item[method] as JsonObject;
    const integration: JsonObject = { type: 'aws_proxy', httpMethod: 'POST', uri };
    where.prov.unicodeValue(input.uri, 'Fn::Sub');
    if (iam) {
      const credentials = integrationCredentials(input.methodAuth, input.apiAuth);
      if (credentials && credentials !== 'NONE') {
        integration.credentials = credentials;
        if (credentials !== CALLER_CREDENTIALS_ARN) where.prov.unicodeValue(integration, 'credentials');
      }
    }
    def[X_INTEGRATION] = integration;
    if (!('responses' in def)) def.responses = {};
  }
  wrapMethods(doc, input.path, method, input.condition, where);
}

export interface StateMachineIntegrationInput {
  path: string;
  method: string;
  stateMachineId: string;
  roleId: string;
  condition?: Json;
}

/** SAM add_state_machine_integration with the default (escaped) request template. */
export function addStateMachineIntegration(doc: JsonObject, input: StateMachineIntegrationInput, where: DocWhere): void {
  const method = normalizeMethod(input.method);
  addPath(doc, input.path, method, where);
  const rawUri: JsonObject = { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution' };
  const uri = input.condition !== undefined ? makeConditional(input.condition, rawUri, where) : rawUri;
  // Python's json.dumps of {input, stateMachineArn}, separators ', ' and ': '.
  const template =
    '{"input": "$util.escapeJavaScript($input.json(\'$\'))", "stateMachineArn": "${' + input.stateMachineId + '}"}';
  for (const item of pathItems(doc, input.path, where)) {
    const def = item[method] as JsonObject;
    def[X_INTEGRATION] = {
      type: 'aws',
      httpMethod: 'POST',
      uri,
      responses: { '200': { statusCode: '200' }, '400': { statusCode: '400' } },
      credentials: { 'Fn::GetAtt': [input.roleId, 'Arn'] },
      requestTemplates: { 'application/json': { 'Fn::Sub': template } },
    };
    if (!('responses' in def)) def.responses = { '200': { description: 'OK' }, '400': { description: 'Bad Request' } };
  }
  wrapMethods(doc, input.path, method, input.condition, where);
}
