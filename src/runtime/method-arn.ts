/** The HTTP verbs a REST API method ARN can carry (`ANY` methods are invoked with the real verb). */
export const HTTP_VERBS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;
export type HttpVerb = (typeof HTTP_VERBS)[number];

/** `arn:{partition}:execute-api:{region}:{accountId}:{apiId}/{stage}/{method}/{path}`, taken apart. */
export interface MethodArn {
  partition: string;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  method: HttpVerb;
  /** The request path with a leading slash; `/` for the root resource. */
  path: string;
  /** `arn:…:{apiId}/{stage}`: every resource ARN in a policy for this request starts with it. */
  stageArn: string;
}

// API Gateway writes the root resource as a trailing slash (`…/dev/GET/`), so the path group may be empty.
const METHOD_ARN = new RegExp(
  `^(arn:(aws(?:-[a-z]+)*):execute-api:([a-z0-9-]+):([^:/]+):([^:/]+)/([^/]+))/(${HTTP_VERBS.join('|')})/(.*)$`,
  's',
);

/** Reads an incoming REST API `methodArn`; throws a TypeError that shows the expected shape if it is not one. */
export function parseMethodArn(methodArn: string): MethodArn {
  const m = typeof methodArn === 'string' ? METHOD_ARN.exec(methodArn) : null;
  if (!m) {
    throw new TypeError(
      `methodArn ${JSON.stringify(methodArn)} is not a REST API method ARN ` +
        '(arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path})',
    );
  }
  const [, stageArn, partition, region, accountId, apiId, stage, method, path] = m;
  return { partition, region, accountId, apiId, stage, method: method as HttpVerb, path: '/' + path, stageArn };
}
