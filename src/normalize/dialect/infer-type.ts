import type { JsonObject } from '../../model/json';
import type { DialectCode } from '../../diagnostics/codes/dialect';
import { REQUEST_LISTS, present } from './spelling';

export type AuthorizerType = 'COGNITO_USER_POOLS' | 'LAMBDA_TOKEN' | 'LAMBDA_REQUEST' | 'AWS_IAM';

export type TypeInference =
  | { ok: true; type: AuthorizerType }
  /** `key`: the property to point at; absent when the problem is the authorizer as a whole. */
  | { ok: false; code: DialectCode; message: string; key?: string };

const COGNITO = ['UserPool', 'UserPools'];
const LAMBDA = ['FunctionArn', 'Function', 'AuthorizerUri'];
const REQUEST = REQUEST_LISTS.map((list) => list.rfc);
const TOKEN = ['RequestHeader'];
const LAMBDA_ONLY = ['InvokeWithCredentials'];
/** What an AWS_IAM ApiAuthorizer may carry besides its Type. */
const IAM_ALLOWED = ['Type', 'Name'];

const TYPES: readonly AuthorizerType[] = ['COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST'];

function isLambdaOrCognito(type: unknown): type is AuthorizerType {
  return TYPES.some((t) => t === type);
}

/**
 * The RFC's rule: `Type` may be omitted. `UserPool`/`UserPools` make a Cognito authorizer; a function with any
 * `Request*` list makes LAMBDA_REQUEST; a function otherwise LAMBDA_TOKEN. Properties of two kinds at once, with
 * or without a `Type`, are an error that says which `Type` to write.
 * `allowIam`: `AWS_IAM` is accepted only on an AWS::Serverless::ApiAuthorizer (Chalice's IAMAuthorizer).
 */
export function inferType(props: JsonObject, allowIam: boolean): TypeInference {
  const cognito = present(props, COGNITO);
  const lambda = present(props, LAMBDA);
  const request = present(props, REQUEST);
  const token = present(props, TOKEN);
  const lambdaOnly = present(props, LAMBDA_ONLY);

  if (props.Type !== undefined) return checkExplicit(props, allowIam, { cognito, lambda, request, token, lambdaOnly });

  if (cognito.length > 0 && lambda.length > 0) {
    return ambiguous(
      lambda[0],
      `has ${cognito[0]} (a Cognito authorizer) and ${lambda[0]} (a Lambda authorizer): write Type: COGNITO_USER_POOLS and remove ${lambda[0]}, or Type: LAMBDA_TOKEN (or LAMBDA_REQUEST) and remove ${cognito[0]}`,
    );
  }
  if (cognito.length > 0) {
    const stray = request[0] ?? lambdaOnly[0];
    if (stray !== undefined) {
      return ambiguous(
        stray,
        `has ${cognito[0]} (a Cognito authorizer) and ${stray}, which only a Lambda authorizer takes: write Type: COGNITO_USER_POOLS and remove ${stray}${request.length > 0 ? ' (a Cognito authorizer reads the one header RequestHeader)' : ''}`,
      );
    }
    return { ok: true, type: 'COGNITO_USER_POOLS' };
  }
  if (lambda.length > 0) {
    if (request.length > 0 && token.length > 0) {
      return ambiguous(
        token[0],
        `has ${token[0]} (a LAMBDA_TOKEN authorizer's one header) and ${request[0]} (a LAMBDA_REQUEST identity source): write Type: LAMBDA_REQUEST and list the header under RequestHeaders, or Type: LAMBDA_TOKEN and remove ${request[0]}`,
      );
    }
    return { ok: true, type: request.length > 0 ? 'LAMBDA_REQUEST' : 'LAMBDA_TOKEN' };
  }
  if (request.length > 0 || token.length > 0 || lambdaOnly.length > 0) {
    const signal = request[0] ?? lambdaOnly[0] ?? token[0];
    return {
      ok: false,
      code: 'dialect/missing-property',
      message: `has ${signal} but no function: a Lambda authorizer needs FunctionArn, Function or AuthorizerUri${token.length > 0 && request.length === 0 && lambdaOnly.length === 0 ? ' (a Cognito authorizer needs UserPool or UserPools)' : ''}`,
    };
  }
  return ambiguous(
    undefined,
    `has no Type and nothing to infer it from: give UserPool or UserPools (COGNITO_USER_POOLS), FunctionArn or Function (LAMBDA_TOKEN / LAMBDA_REQUEST)${allowIam ? ', or write Type: AWS_IAM' : ''}`,
  );
}

interface Signals {
  cognito: string[];
  lambda: string[];
  request: string[];
  token: string[];
  lambdaOnly: string[];
}

function checkExplicit(props: JsonObject, allowIam: boolean, s: Signals): TypeInference {
  const type = props.Type;
  if (type === 'AWS_IAM' && allowIam) {
    const stray = Object.keys(props).find((key) => !IAM_ALLOWED.includes(key));
    if (stray !== undefined) return conflict(stray, `${stray} does not apply to a Type: AWS_IAM authorizer: remove it`);
    return { ok: true, type: 'AWS_IAM' };
  }
  if (!isLambdaOrCognito(type)) {
    const hint =
      type === 'AWS_IAM'
        ? ' (AWS_IAM is not defined under Authorizers: name it in DefaultAuthorizer or an event Authorizer, or make it an AWS::Serverless::ApiAuthorizer)'
        : type === 'TOKEN' || type === 'REQUEST'
          ? ` (write LAMBDA_${type})`
          : '';
    return {
      ok: false,
      code: 'dialect/invalid-type',
      key: 'Type',
      message: `Type must be COGNITO_USER_POOLS, LAMBDA_TOKEN or LAMBDA_REQUEST${allowIam ? ' (or AWS_IAM)' : ''}, not ${JSON.stringify(type)}${hint}`,
    };
  }
  if (type === 'COGNITO_USER_POOLS') {
    const stray = s.lambda[0] ?? s.request[0] ?? s.lambdaOnly[0];
    if (stray !== undefined) {
      const other = s.request.length > 0 ? 'LAMBDA_REQUEST' : 'LAMBDA_TOKEN';
      return conflict(stray, `${stray} does not belong on a COGNITO_USER_POOLS authorizer: remove it, or write Type: ${other}`);
    }
    if (s.cognito.length === 0) return missing('a COGNITO_USER_POOLS authorizer needs UserPool or UserPools');
    return { ok: true, type };
  }
  if (s.cognito.length > 0) {
    return conflict(s.cognito[0], `${s.cognito[0]} does not belong on a ${type} authorizer: remove it, or write Type: COGNITO_USER_POOLS`);
  }
  if (type === 'LAMBDA_TOKEN' && s.request.length > 0) {
    return conflict(
      s.request[0],
      `${s.request[0]} is an identity source of a LAMBDA_REQUEST authorizer: write Type: LAMBDA_REQUEST, or give the one token header as RequestHeader`,
    );
  }
  if (type === 'LAMBDA_REQUEST' && s.token.length > 0) {
    return conflict(
      s.token[0],
      `RequestHeader is the one header of a LAMBDA_TOKEN authorizer: list it under RequestHeaders, or write Type: LAMBDA_TOKEN`,
    );
  }
  if (s.lambda.length === 0) return missing(`a ${type} authorizer needs FunctionArn, Function or AuthorizerUri`);
  return { ok: true, type };
}

function ambiguous(key: string | undefined, message: string): TypeInference {
  return { ok: false, code: 'dialect/ambiguous-type', message, ...(key === undefined ? {} : { key }) };
}

function conflict(key: string, message: string): TypeInference {
  return { ok: false, code: 'dialect/type-conflict', message, key };
}

function missing(message: string): TypeInference {
  return { ok: false, code: 'dialect/missing-property', message };
}
