/**
 * Resource policies: SAM's `Auth.ResourcePolicy` (on an API and on an Api event) lowered into the
 * Swagger/OpenAPI `x-amazon-apigateway-policy` document, statement for statement as SAM writes it.
 *
 * HOW THE EMITTER CALLS THIS (SAM's order, which fixes the statement order):
 *   1. Start from the policy already in the definition: `let policy = body['x-amazon-apigateway-policy']`
 *      (undefined when absent; SAM starts from `{}`).
 *   2. For each Api event with `Auth.ResourcePolicy`, in the order SAM processes events (SAM walks a
 *      function's events sorted by event name), right after that event's method (and its auth) was added:
 *        const r = addEventResourcePolicy({ policy, resourcePolicy: eventAuth.ResourcePolicy,
 *          path: eventPath, pathItem: body.paths[eventPath], stage, location: { path, resource: ownerId } });
 *      `stage` is what SAM passes: the API's `StageName` for a function event, and `null` for a state machine
 *      event (SAM's state machine Api event has no stage: its policy says `{"__Stage__": null}`).
 *   3. After all events (and after Cors added its OPTIONS methods), for the API's own `Auth.ResourcePolicy`:
 *        const r = addApiResourcePolicy({ policy, resourcePolicy: auth.ResourcePolicy,
 *          paths: body.paths, stage: StageName, location: { path: [...authPath,'ResourcePolicy'], resource: apiId } });
 *   Each call returns `{ policy, diagnostics }`. When `policy` is not undefined, write it back:
 *   `body['x-amazon-apigateway-policy'] = r.policy` (SAM sets the key, even to `{}`, once a ResourcePolicy map
 *   was applied), and pass it as `policy` to the next call. Stop lowering the API on any error diagnostic.
 *   Nothing goes into the RestApi `Policy` property: SAM puts REST API resource policies in the Body only.
 *   Statement order follows the order of `paths` keys, so give `paths` in SAM's (Python 2.7) key order.
 *
 * `pathItem`/`paths` are read only: the keys present on a path (across `Fn::If` branches) at the time of the
 * call decide the `Resource` list, as in SAM. Inputs are never mutated; user-written values (CustomStatements,
 * list items) are placed in the output as they are (shared, not copied).
 */
import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import { isObject, type Json, type JsonObject, type JsonPath } from '../model/json';
import { pythonEquals, pythonIterate } from './resource-policy-python';

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
  /** The event's `Auth.ResourcePolicy` as written. SAM skips falsy values. */
  resourcePolicy: Json | undefined;
  /** The event's `Path`, as it is keyed in `paths`. */
  path: string;
  /** `paths[path]` of the Swagger after the event's method was added (may be wrapped in `Fn::If`). */
  pathItem: Json | undefined;
  /** `__Stage__` in the `Fn::Sub` resources (see the header for what SAM passes). */
  stage: Json;
  location: PolicyLocation;
}

export interface ApiResourcePolicyInput {
  policy: Json | undefined;
  /** The API's `Auth.ResourcePolicy` as written (after Globals). SAM skips falsy values. */
  resourcePolicy: Json | undefined;
  /** The Swagger `paths` object after every event and Cors were merged in (iteration order = key order). */
  paths: Json | undefined;
  /** The API's `StageName` (string or intrinsic). */
  stage: Json;
  location: PolicyLocation;
}

export interface ResourcePolicyResult {
  /** The new `x-amazon-apigateway-policy` value; undefined = leave the key as it was. */
  policy: Json | undefined;
  diagnostics: Diagnostic[];
}

const NOT_A_MAP = 'ResourcePolicy must be a map (ResourcePolicyStatement).';

/** SAM `Api` event source: `add_resource_policy(path)` then `add_custom_statements`. */
export function addEventResourcePolicy(input: EventResourcePolicyInput): ResourcePolicyResult {
  const { resourcePolicy, location } = input;
  if (!pythonTruthy(resourcePolicy)) return { policy: undefined, diagnostics: [] };
  if (!isObject(resourcePolicy)) {
    // SAM: sam_expect(..., event_id, "Auth.ResourcePolicy").to_be_a_map()
    return fail(location, location.path, "Property 'Auth.ResourcePolicy' should be a map.");
  }
  const doc = PolicyBuilder.from(input.policy, location);
  if (doc instanceof Array) return { policy: undefined, diagnostics: doc };
  const errors = doc.addForPath(resourcePolicy, input.path, input.pathItem, input.stage);
  if (errors.length > 0) return { policy: undefined, diagnostics: errors };
  doc.addCustomStatements(resourcePolicy['CustomStatements']);
  return { policy: doc.result(), diagnostics: [] };
}

/** SAM ApiGenerator `_add_auth`: `add_resource_policy` for every path, then `add_custom_statements`. */
export function addApiResourcePolicy(input: ApiResourcePolicyInput): ResourcePolicyResult {
  const { resourcePolicy, location } = input;
  if (!pythonTruthy(resourcePolicy)) return { policy: undefined, diagnostics: [] };
  if (!isObject(resourcePolicy)) return fail(location, location.path, NOT_A_MAP);
  const doc = PolicyBuilder.from(input.policy, location);
  if (doc instanceof Array) return { policy: undefined, diagnostics: doc };
  let touched = false;
  if (isObject(input.paths)) {
    for (const [path, pathItem] of Object.entries(input.paths)) {
      const errors = doc.addForPath(resourcePolicy, path, pathItem, input.stage);
      if (errors.length > 0) return { policy: undefined, diagnostics: errors };
      touched = true;
    }
  }
  if (doc.addCustomStatements(resourcePolicy['CustomStatements'])) touched = true;
  return { policy: touched ? doc.result() : undefined, diagnostics: [] };
}

function fail(location: PolicyLocation, path: JsonPath, message: string): ResourcePolicyResult {
  return { policy: undefined, diagnostics: [diagnostic('sam/invalid-resource-policy', message, path, location.resource)] };
}

/** Python truthiness, as SAM's `if value:` checks it. */
export function pythonTruthy(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

type VpcCondition = 'StringEquals' | 'StringNotEquals';

/** SAM's SwaggerEditor.resource_policy: one policy document, grown statement by statement. */
class PolicyBuilder {
  private constructor(
    private readonly doc: JsonObject,
    private readonly location: PolicyLocation,
  ) {}

  static from(existing: Json | undefined, location: PolicyLocation): PolicyBuilder | Diagnostic[] {
    if (existing === undefined) return new PolicyBuilder({}, location);
    if (!isObject(existing)) {
      return [
        diagnostic(
          'sam/invalid-resource-policy',
          "The definition's x-amazon-apigateway-policy must be a map to add a ResourcePolicy to it.",
          location.path,
          location.resource,
        ),
      ];
    }
    return new PolicyBuilder({ ...existing }, location);
  }

  result(): JsonObject {
    return this.doc;
  }

  /** SAM `add_resource_policy(resource_policy, path, stage)`. */
  addForPath(policy: JsonObject, path: string, pathItem: Json | undefined, stage: Json): Diagnostic[] {
    const at = (key: string): JsonPath => [...this.location.path, key];
    const resources = methodResources(path, pathItem, stage);
    if (!Array.isArray(resources)) return [this.error(this.location.path, resources.error)];

    const accountAllow = policy['AwsAccountWhitelist'];
    const accountDeny = policy['AwsAccountBlacklist'];
    if (accountAllow !== undefined && accountAllow !== null) {
      const e = this.addAccounts(accountAllow, 'Allow', resources, at('AwsAccountWhitelist'));
      if (e) return [e];
    }
    if (accountDeny !== undefined && accountDeny !== null) {
      const e = this.addAccounts(accountDeny, 'Deny', resources, at('AwsAccountBlacklist'));
      if (e) return [e];
    }
    const ipAllow = policy['IpRangeWhitelist'];
    const ipDeny = policy['IpRangeBlacklist'];
    if (ipAllow !== undefined && ipAllow !== null) this.addIpRanges(ipAllow, 'NotIpAddress', resources);
    if (ipDeny !== undefined && ipDeny !== null) this.addIpRanges(ipDeny, 'IpAddress', resources);

    // SAM checks the block list, writes it, then checks the allow list: a bad allow list fails after all.
    for (const [listName, intrinsicVpc, intrinsicVpce, condition] of [
      ['SourceVpcBlacklist', 'IntrinsicVpcBlacklist', 'IntrinsicVpceBlacklist', 'StringEquals'],
      ['SourceVpcWhitelist', 'IntrinsicVpcWhitelist', 'IntrinsicVpceWhitelist', 'StringNotEquals'],
    ] as const) {
      const strings = policy[listName];
      if (!allStrings(strings)) {
        const hint = listName.replace('Source', 'Intrinsic');
        return [this.error(at(listName), `${listName} must be a list of strings. Use ${hint} instead for values that use Intrinsic Functions`)];
      }
      const e = this.addVpcs(condition, resources, strings, policy[intrinsicVpc], policy[intrinsicVpce], at);
      if (e) return [e];
    }
    return [];
  }

  /** SAM `add_custom_statements`; false when there was nothing to add (SAM skips falsy values). */
  addCustomStatements(custom: Json | undefined): boolean {
    if (!pythonTruthy(custom) || custom === undefined) return false;
    this.doc['Version'] = '2012-10-17';
    const current = this.doc['Statement'];
    if (current === undefined || current === null) {
      this.doc['Statement'] = custom;
      return true;
    }
    const statements = Array.isArray(current) ? [...current] : [current];
    for (const s of Array.isArray(custom) ? custom : [custom]) {
      if (!statements.some((existing) => pythonEquals(existing, s))) statements.push(s);
    }
    this.doc['Statement'] = statements;
    return true;
  }

  private error(path: JsonPath, message: string): Diagnostic {
    return diagnostic('sam/invalid-resource-policy', message, path, this.location.resource);
  }

  /** SAM `_add_iam_resource_policy_for_method`. */
  private addAccounts(accounts: Json, effect: 'Allow' | 'Deny', resources: Json[], path: JsonPath): Diagnostic | undefined {
    if (!pythonTruthy(accounts)) return undefined;
    if (!Array.isArray(accounts) && !isObject(accounts)) {
      return this.error(path, `Type of '${pythonStr(accounts)}' must be a list or dictionary`);
    }
    this.doc['Version'] = '2012-10-17';
    const statement: JsonObject = {
      Effect: effect,
      Action: 'execute-api:Invoke',
      Resource: resources,
      Principal: { AWS: Array.isArray(accounts) ? accounts : [accounts] },
    };
    const current = this.doc['Statement'];
    if (current === undefined || current === null) {
      // SAM stores a lone account statement as an object, not a one-item list.
      this.doc['Statement'] = statement;
    } else {
      this.doc['Statement'] = [...(Array.isArray(current) ? current : [current]), statement];
    }
    return undefined;
  }

  /** SAM `_add_ip_resource_policy_for_method`. */
  private addIpRanges(ranges: Json, condition: 'IpAddress' | 'NotIpAddress', resources: Json[]): void {
    if (!pythonTruthy(ranges)) return;
    const list = Array.isArray(ranges) ? ranges : [ranges];
    this.addAllowDenyPair(resources, { [condition]: { 'aws:SourceIp': list } });
  }

  /** SAM `_add_vpc_resource_policy_for_method`. */
  private addVpcs(
    conditional: VpcCondition,
    resources: Json[],
    strings: Json | undefined,
    intrinsicVpcs: Json | undefined,
    intrinsicVpces: Json | undefined,
    at: (key: string) => JsonPath,
  ): Diagnostic | undefined {
    const condition: Record<string, Json[]> = {};
    const append = (key: string, items: Json[]): void => {
      (condition[key] ??= []).push(...items);
    };
    if (strings !== undefined && strings !== null) {
      const endpoints = pythonIterate(strings) ?? [];
      const vpcs = endpoints.filter((e) => typeof e === 'string' && e.startsWith('vpc-'));
      const vpces = endpoints.filter((e) => typeof e === 'string' && e.startsWith('vpce-'));
      if (vpcs.length > 0) append('aws:SourceVpc', vpcs);
      if (vpces.length > 0) append('aws:SourceVpce', vpces);
    }
    for (const [value, key, name] of [
      [intrinsicVpcs, 'aws:SourceVpc', conditional === 'StringEquals' ? 'IntrinsicVpcBlacklist' : 'IntrinsicVpcWhitelist'],
      [intrinsicVpces, 'aws:SourceVpce', conditional === 'StringEquals' ? 'IntrinsicVpceBlacklist' : 'IntrinsicVpceWhitelist'],
    ] as const) {
      if (value === undefined || value === null) continue;
      // SAM extends a Python list with the value: a list adds its items, a map its keys, a string its characters.
      const items = pythonIterate(value);
      if (items === undefined) return this.error(at(name), `${name} must be a list.`);
      append(key, items);
    }
    const vpc = condition['aws:SourceVpc'] ?? [];
    const vpce = condition['aws:SourceVpce'] ?? [];
    if (vpc.length === 0 && vpce.length === 0) return undefined;
    this.addAllowDenyPair(resources, { [conditional]: condition });
    return undefined;
  }

  /** An open Allow and a conditional Deny over the same resources, each added unless already present. */
  private addAllowDenyPair(resources: Json[], denyCondition: JsonObject): void {
    this.doc['Version'] = '2012-10-17';
    const allow: JsonObject = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resources, Principal: '*' };
    const deny: JsonObject = {
      Effect: 'Deny',
      Action: 'execute-api:Invoke',
      Resource: resources,
      Principal: '*',
      Condition: denyCondition,
    };
    const current = this.doc['Statement'];
    if (current === undefined || current === null) {
      this.doc['Statement'] = [allow, deny];
      return;
    }
    const statements = Array.isArray(current) ? [...current] : [current];
    if (!statements.some((s) => pythonEquals(s, allow))) statements.push(allow);
    if (!statements.some((s) => pythonEquals(s, deny))) statements.push(deny);
    this.doc['Statement'] = statements;
  }
}

/** SAM `_validate_list_property_is_resolved`: absent, or every item (as Python iterates it) a string. */
function allStrings(value: Json | undefined): boolean {
  if (value === undefined || value === null) return true;
  const items = pythonIterate(value);
  return items !== undefined && items.every((x) => typeof x === 'string');
}

const GREEDY_SEGMENT = /{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)}/g;

/**
 * SAM `_get_method_path_uri_list`: one `Fn::Sub` per key of the path item (every key, as SAM lists them), with
 * ANY as `*` and greedy/parameter segments as `*` (API Gateway matches policies on that form).
 */
export function methodResources(path: string, pathItem: Json | undefined, stage: Json): Json[] | { error: string } {
  const keys: string[] = [];
  for (const item of conditionalContents(pathItem)) {
    if (item === undefined) continue;
    if (!isObject(item)) return { error: `Value of '${path}' path must be a dictionary according to Swagger spec.` };
    keys.push(...Object.keys(item));
  }
  const policyPath = path.replace(GREEDY_SEGMENT, '*');
  return keys.map((key) => {
    const lower = key.toLowerCase();
    const method = lower === 'x-amazon-apigateway-any-method' || lower === 'any' ? '*' : key.toUpperCase();
    return { 'Fn::Sub': ['execute-api:/${__Stage__}/' + method + policyPath, { __Stage__: stage }] };
  });
}

/** SAM `get_conditional_contents`: both branches of an `Fn::If`, without `AWS::NoValue`; else the item. */
function conditionalContents(item: Json | undefined): (Json | undefined)[] {
  if (isObject(item) && 'Fn::If' in item) {
    const args = item['Fn::If'];
    if (!Array.isArray(args)) return [];
    return args.slice(1).filter((c) => !(isObject(c) && Object.keys(c).length === 1 && c['Ref'] === 'AWS::NoValue'));
  }
  return [item];
}

/** Python `str()` of a scalar, for SAM's messages. */
function pythonStr(value: Json): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return String(value);
}
