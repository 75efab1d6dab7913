/**
 * Resource policies: SAM's `Auth.ResourcePolicy` (on an API and on an Api event) lowered into the
 * Swagger/OpenAPI `x-amazon-apigateway-policy` document, statement for statement as SAM writes it.
 *
 * HOW THE EMITTER CALLS THIS (SAM's order, which fixes the statement order):
 *   1. Start from the policy already in the definition: `let policy = body['x-amazon-apigateway-policy']`
 *      (undefined when absent; SAM starts from `{}`).
 *   2. For each Api event with `Auth.ResourcePolicy`, in the order SAM processes events (after the event's
 *      path/method was added to the Swagger, and after its auth was added to the method):
 *        const r = addEventResourcePolicy({ policy, resourcePolicy: eventAuth.ResourcePolicy,
 *          path: eventPath, pathItem: body.paths[eventPath], stage, location: { path, resource: ownerId } });
 *   3. After all events, for the API's own `Auth.ResourcePolicy` (only when it is truthy, as SAM checks):
 *        const r = addApiResourcePolicy({ policy, resourcePolicy: auth.ResourcePolicy,
 *          paths: body.paths, stage: StageName, location: { path: [...authPath,'ResourcePolicy'], resource: apiId } });
 *   Each call returns `{ policy, diagnostics }`. When `policy` is not undefined, write it back:
 *   `body['x-amazon-apigateway-policy'] = r.policy` (SAM sets the key even to `{}` once a ResourcePolicy map
 *   was seen), and pass it as `policy` to the next call. Stop lowering the API on any error diagnostic.
 *   Nothing goes into the RestApi `Policy` property: SAM puts REST API resource policies in the Body only.
 *
 * `pathItem`/`paths` are read only: the methods present on a path (across `Fn::If` branches) at the time of the
 * call decide the `Resource` list, as in SAM. Inputs are never mutated; outputs share no objects with inputs
 * except user-written values (CustomStatements, list items) that are placed as they are.
 */
import type { Diagnostic } from '../diagnostics/types';
import type { Json, JsonObject, JsonPath } from '../model/json';

/** Where the ResourcePolicy was written, for diagnostics. */
export interface PolicyLocation {
  /** Template path of the ResourcePolicy value. */
  path: JsonPath;
  /** Logical id the error is about (the API, or the function/state machine owning the event). */
  resource: string;
}

export interface EventResourcePolicyInput {
  /** The current `x-amazon-apigateway-policy` value (undefined when the definition has none yet). */
  policy: Json | undefined;
  /** The event's `Auth.ResourcePolicy` as written (after Globals). SAM skips falsy values. */
  resourcePolicy: Json | undefined;
  /** The event's `Path`, as it is keyed in `paths`. */
  path: string;
  /** `paths[path]` of the Swagger after the event's method was added (may be wrapped in `Fn::If`). */
  pathItem: Json | undefined;
  /** The API's `StageName` (string or intrinsic), used as `__Stage__` in `Fn::Sub`. */
  stage: Json;
  location: PolicyLocation;
}

export interface ApiResourcePolicyInput {
  policy: Json | undefined;
  /** The API's `Auth.ResourcePolicy` as written (after Globals). */
  resourcePolicy: Json | undefined;
  /** The Swagger `paths` object after every event was merged in (iteration order = key order). */
  paths: Json | undefined;
  stage: Json;
  location: PolicyLocation;
}

export interface ResourcePolicyResult {
  /** The new `x-amazon-apigateway-policy` value; undefined = leave the key as it was. */
  policy: Json | undefined;
  diagnostics: Diagnostic[];
}

/** SAM `Api` event source: `add_resource_policy(path)` then `add_custom_statements`. */
export function addEventResourcePolicy(input: EventResourcePolicyInput): ResourcePolicyResult {
  void input;
  throw new Error('addEventResourcePolicy: not implemented yet');
}

/** SAM ApiGenerator `_add_auth`: `add_resource_policy` for every path, then `add_custom_statements`. */
export function addApiResourcePolicy(input: ApiResourcePolicyInput): ResourcePolicyResult {
  void input;
  throw new Error('addApiResourcePolicy: not implemented yet');
}

export type { JsonObject };
