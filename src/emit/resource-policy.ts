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
 *
 * Deployment id: give `marks` and the output carries what SAM's Python objects know (deployment-hash/provenance.ts):
 * the existing policy map stays the same Py27Dict (SAM edits it in place; `Version` becomes a native str), the
 * `execute-api:/${__Stage__}/METHOD/path` strings are unicode when the path or the method key is (the path comes
 * from the template), `__Stage__` is unicode when the stage came from the template, `Fn::Sub` wrappers and the
 * statements' `Condition` are plain dicts, `Principal` is a `Py27Dict({"AWS": ...})` merge, and new lists that
 * wrap a template string keep it unicode. `Allow`, `execute-api:Invoke`, `2012-10-17`, `*` are native.
 */
import type { Diagnostic } from '../diagnostics/types';
import { isObject, type Json, type JsonObject, type JsonPath } from '../model/json';
import { pythonEquals, pythonIterate, pythonStr, pythonTruthy } from '../model/python';
import { reject, Rejection } from './reject';
import type { Provenance } from './deployment-hash/index';

/** What the Deployment id needs to know about the policy SAM builds (see the header). */
export interface PolicyMarks {
  prov: Provenance;
  /** True when `stage` is the template's value (an explicit API's StageName), false for SAM's own default. */
  stageFromTemplate: boolean;
  /** For an API's own policy: whether the key `path` of `paths` is unicode. An event's path always is. */
  pathIsUnicode?(path: string): boolean;
  /** For an API's own policy: the order SAM visits `paths` in (a Py27Dict's Python 2.7 order). */
  pathOrder?(paths: JsonObject): readonly string[];
}

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
  marks?: PolicyMarks;
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
  marks?: PolicyMarks;
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
  return caught(() => {
    // SAM: sam_expect(..., event_id, "Auth.ResourcePolicy").to_be_a_map()
    if (!isObject(resourcePolicy)) fail(location, location.path, "Property 'Auth.ResourcePolicy' should be a map.");
    const doc = PolicyBuilder.from(input.policy, location, input.marks);
    doc.addForPath(resourcePolicy, input.path, input.pathItem, input.stage, true);
    doc.addCustomStatements(resourcePolicy['CustomStatements']);
    return doc.result();
  });
}

/** SAM ApiGenerator `_add_auth`: `add_resource_policy` for every path, then `add_custom_statements`. */
export function addApiResourcePolicy(input: ApiResourcePolicyInput): ResourcePolicyResult {
  const { resourcePolicy, location } = input;
  if (!pythonTruthy(resourcePolicy)) return { policy: undefined, diagnostics: [] };
  return caught(() => {
    if (!isObject(resourcePolicy)) fail(location, location.path, NOT_A_MAP);
    const doc = PolicyBuilder.from(input.policy, location, input.marks);
    let touched = false;
    if (isObject(input.paths)) {
      const paths = input.paths;
      const order = input.marks?.pathOrder?.(paths) ?? Object.keys(paths);
      for (const path of order) {
        doc.addForPath(resourcePolicy, path, paths[path], input.stage, input.marks?.pathIsUnicode?.(path) ?? true);
        touched = true;
      }
    }
    if (doc.addCustomStatements(resourcePolicy['CustomStatements'])) touched = true;
    return touched ? doc.result() : undefined;
  });
}

/** SAM raises at the first problem: inside this module a problem is thrown, and returned as data here. */
function caught(build: () => JsonObject | undefined): ResourcePolicyResult {
  try {
    return { policy: build(), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    return { policy: undefined, diagnostics: [error.diagnostic] };
  }
}

function fail(location: PolicyLocation, path: JsonPath, message: string): never {
  reject('sam/invalid-resource-policy', message, path, location.resource);
}

type VpcCondition = 'StringEquals' | 'StringNotEquals';

/** SAM's SwaggerEditor.resource_policy: one policy document, grown statement by statement. */
class PolicyBuilder {
  private constructor(
    private readonly doc: JsonObject,
    private readonly location: PolicyLocation,
    private readonly marks?: PolicyMarks,
  ) {}

  static from(existing: Json | undefined, location: PolicyLocation, marks?: PolicyMarks): PolicyBuilder {
    if (existing === undefined) return new PolicyBuilder({}, location, marks);
    if (!isObject(existing)) fail(location, location.path, "The definition's x-amazon-apigateway-policy must be a map to add a ResourcePolicy to it.");
    const doc = { ...existing };
    // SAM edits the definition's policy map in place: the copy is the same Py27Dict.
    marks?.prov.sameDict(existing, doc);
    return new PolicyBuilder(doc, location, marks);
  }

  /** `self.resource_policy["Version"] = "2012-10-17"` (a native str; an existing key keeps its type). */
  private setVersion(): void {
    this.doc['Version'] = '2012-10-17';
    this.marks?.prov.nativeValue(this.doc, 'Version');
  }

  /** A new list SAM builds around template values (`[x]`, `list.extend(x)`): template strings stay unicode. */
  private markItems(list: Json[], from: readonly Json[], fromIsTemplate: boolean): void {
    const prov = this.marks?.prov;
    if (!prov || !fromIsTemplate) return;
    list.forEach((item, i) => {
      if (typeof item === 'string' && item === from[i]) prov.unicodeValue(list, i);
    });
  }

  result(): JsonObject {
    return this.doc;
  }

  /** SAM `add_resource_policy(resource_policy, path, stage)`. */
  addForPath(policy: JsonObject, path: string, pathItem: Json | undefined, stage: Json, pathIsUnicode: boolean): void {
    const at = (key: string): JsonPath => [...this.location.path, key];
    const marks = this.marks;
    const resources = methodResources(path, pathItem, stage, marks && { prov: marks.prov, stageFromTemplate: marks.stageFromTemplate, pathIsUnicode });
    if (!Array.isArray(resources)) this.error(this.location.path, resources.error);

    const accountAllow = policy['AwsAccountWhitelist'];
    const accountDeny = policy['AwsAccountBlacklist'];
    if (accountAllow !== undefined && accountAllow !== null) this.addAccounts(accountAllow, 'Allow', resources, at('AwsAccountWhitelist'));
    if (accountDeny !== undefined && accountDeny !== null) this.addAccounts(accountDeny, 'Deny', resources, at('AwsAccountBlacklist'));
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
        this.error(at(listName), `${listName} must be a list of strings. Use ${hint} instead for values that use Intrinsic Functions`);
      }
      this.addVpcs(condition, resources, strings, policy[intrinsicVpc], policy[intrinsicVpce], at);
    }
  }

  /** SAM `add_custom_statements`; false when there was nothing to add (SAM skips falsy values). */
  addCustomStatements(custom: Json | undefined): boolean {
    if (!pythonTruthy(custom) || custom === undefined) return false;
    this.setVersion();
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

  private error(path: JsonPath, message: string): never {
    fail(this.location, path, message);
  }

  /** SAM `_add_iam_resource_policy_for_method`. */
  private addAccounts(accounts: Json, effect: 'Allow' | 'Deny', resources: Json[], path: JsonPath): void {
    if (!pythonTruthy(accounts)) return;
    if (!Array.isArray(accounts) && !isObject(accounts)) this.error(path, `Type of '${pythonStr(accounts)}' must be a list or dictionary`);
    this.setVersion();
    // Py27Dict({"AWS": policy_list}): a merge of one key.
    const principal: JsonObject = {};
    this.marks?.prov.merged(principal, ['AWS']);
    principal['AWS'] = Array.isArray(accounts) ? accounts : [accounts];
    const statement: JsonObject = {
      Effect: effect,
      Action: 'execute-api:Invoke',
      Resource: resources,
      Principal: principal,
    };
    const current = this.doc['Statement'];
    if (current === undefined || current === null) {
      // SAM stores a lone account statement as an object, not a one-item list.
      this.doc['Statement'] = statement;
    } else {
      this.doc['Statement'] = [...(Array.isArray(current) ? current : [current]), statement];
    }
  }

  /** SAM `_add_ip_resource_policy_for_method`. */
  private addIpRanges(ranges: Json, condition: 'IpAddress' | 'NotIpAddress', resources: Json[]): void {
    if (!pythonTruthy(ranges)) return;
    const list = Array.isArray(ranges) ? ranges : [ranges];
    if (!Array.isArray(ranges)) this.markItems(list, [ranges], true);
    const inner: JsonObject = { 'aws:SourceIp': list };
    this.marks?.prov.plainDict(inner);
    this.addAllowDenyPair(resources, { [condition]: inner });
  }

  /** SAM `_add_vpc_resource_policy_for_method`. */
  private addVpcs(
    conditional: VpcCondition,
    resources: Json[],
    strings: Json | undefined,
    intrinsicVpcs: Json | undefined,
    intrinsicVpces: Json | undefined,
    at: (key: string) => JsonPath,
  ): void {
    const condition: Record<string, Json[]> = {};
    const append = (key: string, items: Json[]): void => {
      const list = (condition[key] ??= []);
      const start = list.length;
      list.push(...items);
      // The lists hold template values (list items, a map's keys, a string's characters): all unicode.
      const prov = this.marks?.prov;
      if (prov) items.forEach((item, i) => typeof item === 'string' && prov.unicodeValue(list, start + i));
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
      if (items === undefined) this.error(at(name), `${name} must be a list.`);
      append(key, items);
    }
    const vpc = condition['aws:SourceVpc'] ?? [];
    const vpce = condition['aws:SourceVpce'] ?? [];
    if (vpc.length > 0 || vpce.length > 0) this.addAllowDenyPair(resources, { [conditional]: condition });
  }

  /** An open Allow and a conditional Deny over the same resources, each added unless already present. */
  private addAllowDenyPair(resources: Json[], denyCondition: JsonObject): void {
    this.setVersion();
    this.marks?.prov.plainDict(denyCondition);
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
export function methodResources(
  path: string,
  pathItem: Json | undefined,
  stage: Json,
  marks?: { prov: Provenance; stageFromTemplate: boolean; pathIsUnicode: boolean },
): Json[] | { error: string } {
  const keys: [string, boolean][] = [];
  for (const item of conditionalContents(pathItem)) {
    if (item === undefined) continue;
    if (!isObject(item)) return { error: `Value of '${path}' path must be a dictionary according to Swagger spec.` };
    keys.push(...Object.keys(item).map((key): [string, boolean] => [key, marks?.prov.isUnicodeKey(item, key) ?? false]));
  }
  const policyPath = path.replace(GREEDY_SEGMENT, '*');
  return keys.map(([key, keyIsUnicode]) => {
    const lower = key.toLowerCase();
    const any = lower === 'x-amazon-apigateway-any-method' || lower === 'any';
    const method = any ? '*' : key.toUpperCase();
    const variables: JsonObject = { __Stage__: stage };
    const args: Json[] = ['execute-api:/${__Stage__}/' + method + policyPath, variables];
    const sub: JsonObject = { 'Fn::Sub': args };
    if (marks) {
      const { prov } = marks;
      // `"*"` is native; `key.upper()` keeps the key's type; the path keeps its own.
      if (marks.pathIsUnicode || (!any && keyIsUnicode)) prov.unicodeValue(args, 0);
      if (marks.stageFromTemplate && typeof stage === 'string') prov.unicodeValue(variables, '__Stage__');
      prov.plainDict(sub);
      prov.plainDict(variables);
    }
    return sub;
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
