import type { Diagnostic } from '../../diagnostics/types';
import { diagnostic } from '../../diagnostics/make';
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { inferType } from './infer-type';
import { EQUIVALENT, REQUEST_LISTS, RFC_ONLY, SAM_ONLY, SHARED, has, present } from './spelling';

/** What the desugaring of one authorizer needs to know about the rest of the template. */
export interface TemplateIndex {
  /** The `Type` of the resource with this logical id, when there is one. */
  resourceType(logicalId: string): string | undefined;
}

export interface AuthorizerInput {
  props: JsonObject;
  /** Where the authorizer was written (an ApiAuthorizer's Properties, an entry under Auth.Authorizers). */
  path: JsonPath;
  /** Where each property was written, when not at path/key (Globals.ApiAuthorizer defaults). */
  keyPath?: (key: string) => JsonPath;
  /** The name the authorizer has in its API, for messages. */
  name: string;
  /** The logical id diagnostics name. */
  resource?: string;
  /** An inline authorizer is named by its key: a different `Name` is an error. */
  nameIsKey: boolean;
  /** `Type: AWS_IAM` is allowed (AWS::Serverless::ApiAuthorizer only). */
  allowIam: boolean;
}

/** A path inside the desugared authorizer and the place the user wrote it. */
export interface RelativeOrigin {
  to: JsonPath;
  from: JsonPath;
}

export type DesugaredAuthorizer =
  | { kind: 'iam' }
  | { kind: 'authorizer'; value: JsonObject; origins: RelativeOrigin[] };

export interface AuthorizerResult {
  /** Absent when the authorizer has an error. */
  result?: DesugaredAuthorizer;
  diagnostics: Diagnostic[];
}

/**
 * One authorizer in SAM's spelling. A SAM-spelled authorizer comes back as the same object unless it uses
 * `Function`; an RFC-spelled one has its `Type` inferred and each property renamed to SAM's.
 */
export function desugarAuthorizer(input: AuthorizerInput, index: TemplateIndex): AuthorizerResult {
  const { props } = input;
  const keyPath = input.keyPath ?? ((key: string) => [...input.path, key]);
  const diagnostics: Diagnostic[] = [];
  const report = (code: Parameters<typeof diagnostic>[0], message: string, key?: string): AuthorizerResult => {
    diagnostics.push(diagnostic(code, `Authorizer ${input.name} ${message}.`, key === undefined ? input.path : keyPath(key), input.resource));
    return { diagnostics };
  };

  const rfcKeys = present(props, RFC_ONLY);
  const samKeys = present(props, SAM_ONLY);
  if (rfcKeys.length > 0 && samKeys.length > 0) {
    const [rfc, sam] = [rfcKeys[0], samKeys[0]];
    return report(
      'dialect/mixed-spelling',
      `mixes SAM's spelling (${sam}) with the RFC's (${rfc}): write it in one spelling; in SAM's, ${rfc} is ${EQUIVALENT[rfc]}, in the RFC's, ${sam} is ${EQUIVALENT[sam]}`,
      rfc,
    );
  }
  for (const [a, b] of [
    ['Function', 'FunctionArn'],
    ['AuthorizerUri', 'FunctionArn'],
    ['AuthorizerUri', 'Function'],
    ['UserPool', 'UserPools'],
    ['RequestHeaderValidationExpression', 'IdentityValidationExpression'],
  ] as const) {
    if (has(props, a) && has(props, b)) {
      return report('dialect/conflicting-properties', `has both ${a} and ${b}, which say the same thing: keep one`, later(props, a, b));
    }
  }

  const origins: RelativeOrigin[] = [];
  const value: JsonObject = {};
  const copy = (from: string, to: string, v: Json = props[from]): void => {
    value[to] = v;
    origins.push({ to: [to], from: keyPath(from) });
  };

  let functionArn: Json | undefined;
  if (has(props, 'Function')) {
    const arn = functionArnOf(props.Function, index);
    if (typeof arn === 'string') return report('dialect/unknown-function', arn, 'Function');
    functionArn = arn;
  }

  if (rfcKeys.length === 0) {
    // SAM's spelling: only Chalice's `Function` needs rewriting.
    if (functionArn === undefined) {
      for (const key of Object.keys(props)) origins.push({ to: [key], from: keyPath(key) });
      return { result: { kind: 'authorizer', value: props, origins }, diagnostics };
    }
    for (const key of Object.keys(props)) {
      if (key === 'Function') copy(key, 'FunctionArn', functionArn);
      else copy(key, key);
    }
    return { result: { kind: 'authorizer', value, origins }, diagnostics };
  }

  const inference = inferType(props, input.allowIam);
  if (!inference.ok) return report(inference.code, inference.message, inference.key);
  if (inference.type === 'AWS_IAM') return { result: { kind: 'iam' }, diagnostics };
  if (input.nameIsKey && has(props, 'Name') && props.Name !== input.name) {
    return report(
      'dialect/authorizer-name',
      `has Name ${JSON.stringify(props.Name)}, but SAM names an authorizer after its key: rename the key to the Name (and the references to it), or remove Name`,
      'Name',
    );
  }

  if (inference.type === 'COGNITO_USER_POOLS') {
    copy(has(props, 'UserPool') ? 'UserPool' : 'UserPools', 'UserPoolArn');
  } else {
    if (functionArn !== undefined) copy('Function', 'FunctionArn', functionArn);
    else if (has(props, 'FunctionArn')) copy('FunctionArn', 'FunctionArn');
    if (has(props, 'AuthorizerUri')) copy('AuthorizerUri', 'AuthorizerUri');
    value.FunctionPayloadType = inference.type === 'LAMBDA_REQUEST' ? 'REQUEST' : 'TOKEN';
    origins.push({ to: ['FunctionPayloadType'], from: has(props, 'Type') ? keyPath('Type') : input.path });
    if (has(props, 'InvokeWithCredentials') && props.InvokeWithCredentials !== null) {
      const role = invokeRoleOf(props.InvokeWithCredentials, index);
      if (!role.ok) return report(role.problem, role.message, 'InvokeWithCredentials');
      copy('InvokeWithCredentials', 'FunctionInvokeRole', role.value);
    }
  }

  const identity = identityOf(props, keyPath, origins);
  if (identity !== undefined) {
    value.Identity = identity;
    origins.push({ to: ['Identity'], from: input.path });
  }
  for (const key of ['AuthorizationScopes', 'DisableFunctionDefaultPermissions']) {
    if (has(props, key)) copy(key, key);
  }
  // Properties neither spelling knows go through untouched, so SAM's rules report them instead of losing them.
  for (const key of Object.keys(props)) {
    if (!RFC_ONLY.includes(key) && !(SHARED as readonly string[]).includes(key)) copy(key, key);
  }
  return { result: { kind: 'authorizer', value, origins }, diagnostics };
}

/** SAM's `Identity` block from the RFC's properties; absent when none is given (SAM's output differs). */
function identityOf(props: JsonObject, keyPath: (key: string) => JsonPath, origins: RelativeOrigin[]): JsonObject | undefined {
  const identity: JsonObject = {};
  const take = (rfc: string, sam: string): void => {
    if (!has(props, rfc)) return;
    identity[sam] = props[rfc];
    origins.push({ to: ['Identity', sam], from: keyPath(rfc) });
  };
  take('RequestHeader', 'Header');
  for (const { rfc, sam } of REQUEST_LISTS) take(rfc, sam);
  take('RequestHeaderValidationExpression', 'ValidationExpression');
  take('IdentityValidationExpression', 'ValidationExpression');
  take('ReauthorizeEverySeconds', 'ReauthorizeEvery');
  return Object.keys(identity).length > 0 ? identity : undefined;
}

const FUNCTION_TYPES = ['AWS::Serverless::Function', 'AWS::Lambda::Function'];

/** `Function: MyFn` → `!GetAtt MyFn.Arn`, or a message saying why not. */
function functionArnOf(name: Json, index: TemplateIndex): JsonObject | string {
  if (typeof name !== 'string') {
    return 'has a Function that is not a plain logical id: name the function (Function: MyAuthFunction), or give its ARN as FunctionArn';
  }
  const type = index.resourceType(name);
  if (type === undefined || !FUNCTION_TYPES.includes(type)) {
    const what = type === undefined ? 'no resource of this template' : `a ${type}, not a function`;
    return `has Function: ${name}, which is ${what}: name an AWS::Serverless::Function or AWS::Lambda::Function by its logical id, or give the ARN of a function outside the template as FunctionArn`;
  }
  return { 'Fn::GetAtt': [name, 'Arn'] };
}

type InvokeRole =
  | { ok: true; value: Json }
  | { ok: false; problem: 'dialect/caller-credentials' | 'dialect/unknown-role'; message: string };

/** The RFC's `InvokeWithCredentials`: a role ARN, a role's logical id (→ its Arn) or an intrinsic. */
function invokeRoleOf(role: Json, index: TemplateIndex): InvokeRole {
  if (typeof role !== 'string') return { ok: true, value: role };
  if (role === 'CALLER_CREDENTIALS') {
    return {
      ok: false,
      problem: 'dialect/caller-credentials',
      message:
        "has InvokeWithCredentials: CALLER_CREDENTIALS, which API Gateway cannot use to call an authorizer (the RFC rules it out): give a role ARN or a role's logical id, or remove it",
    };
  }
  if (role.startsWith('arn:') || role === 'NONE') return { ok: true, value: role };
  if (index.resourceType(role) === 'AWS::IAM::Role') return { ok: true, value: { 'Fn::GetAtt': [role, 'Arn'] } };
  return {
    ok: false,
    problem: 'dialect/unknown-role',
    message: `has InvokeWithCredentials: ${role}, which is neither a role ARN nor the logical id of an AWS::IAM::Role in this template`,
  };
}

/** Of two keys, the one written second: the one to point at. */
function later(props: JsonObject, a: string, b: string): string {
  const keys = Object.keys(props);
  return keys.indexOf(a) > keys.indexOf(b) ? a : b;
}
