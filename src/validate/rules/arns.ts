import { diagnostic } from '../../diagnostics/make';
import type { Diagnostic } from '../../diagnostics/types';
import { isObject, type Json, type JsonObject, type JsonPath } from '../../model/json';
import { getAttTarget } from '../../normalize/intrinsics';
import { propertyPath, resourceOf, type Rule, type RuleContext } from './context';
import { eachAuthorizer } from './caching';

/** A logical id or parameter that an intrinsic refers to, and how. */
interface Reference {
  name: string;
  via: 'Ref' | 'GetAtt' | 'Sub';
  /** GetAtt (and `${X.Attr}` in Sub) need a resource; Ref may also name a parameter. */
  needsResource: boolean;
}

/** Every reference inside a value (through nested intrinsics), in order. */
export function referencesIn(value: Json | undefined): Reference[] {
  const out: Reference[] = [];
  const visit = (node: Json | undefined, local: ReadonlySet<string>) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, local));
    if (!isObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const [key] = keys;
      const arg = node[key];
      if (key === 'Ref' && typeof arg === 'string') return void out.push({ name: arg, via: 'Ref', needsResource: false });
      if (key === 'Fn::GetAtt') {
        const target = getAttTarget(arg);
        if (typeof target === 'string') out.push({ name: target, via: 'GetAtt', needsResource: true });
        return;
      }
      if (key === 'Fn::Sub') {
        const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
        const names = new Set(isObject(vars) ? Object.keys(vars) : []);
        if (isObject(vars)) Object.values(vars).forEach((v) => visit(v, local));
        if (typeof text === 'string') {
          for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
            const ref = m[1].trim();
            const [head] = ref.split('.');
            if (names.has(ref) || names.has(head)) continue;
            out.push({ name: head, via: 'Sub', needsResource: ref.includes('.') });
          }
        }
        return;
      }
      if (key === 'Fn::If' && Array.isArray(arg)) return arg.slice(1).forEach((n) => visit(n, local));
    }
    for (const v of Object.values(node)) visit(v, local);
  };
  visit(value, new Set());
  return out;
}

function missingReferences(ctx: RuleContext, value: Json | undefined): Reference[] {
  const resources: JsonObject = isObject(ctx.template.Resources) ? ctx.template.Resources : {};
  const parameters: JsonObject = isObject(ctx.template.Parameters) ? ctx.template.Parameters : {};
  return referencesIn(value).filter((r) => {
    if (r.name.startsWith('AWS::')) return false;
    if (r.name in resources) return false;
    return r.needsResource || !(r.name in parameters);
  });
}

/** The parts of a literal ARN, or undefined when the string is not one (`arn:partition:service:region:account:resource`). */
export function parseArn(text: string): { service: string; resource: string } | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || !parts[1] || !parts[2] || !parts.slice(5).join(':')) return undefined;
  return { service: parts[2], resource: parts.slice(5).join(':') };
}

interface ArnKind {
  property: string;
  service: string;
  resourcePrefix: string;
  shape: string;
}
const FUNCTION_ARN: ArnKind = { property: 'FunctionArn', service: 'lambda', resourcePrefix: 'function:', shape: 'arn:aws:lambda:<region>:<account>:function:<name>' };
const USER_POOL_ARN: ArnKind = { property: 'UserPoolArn', service: 'cognito-idp', resourcePrefix: 'userpool/', shape: 'arn:aws:cognito-idp:<region>:<account>:userpool/<id>' };

/** The service segment of a `!Sub` ARN template when it is literal (`arn:${AWS::Partition}:lambda:…`). */
function subTemplateArn(value: Json): { service: string; resource: string } | undefined {
  if (!isObject(value) || Object.keys(value).length !== 1) return undefined;
  const arg = value['Fn::Sub'];
  const text = Array.isArray(arg) ? arg[0] : arg;
  if (typeof text !== 'string') return undefined;
  // ${AWS::Region} holds colons of its own: mask every variable before splitting.
  const parsed = parseArn(text.replace(/\$\{[^}]*\}/g, '\u0001'));
  if (!parsed || parsed.service.includes('\u0001') || parsed.resource.startsWith('\u0001')) return undefined;
  return parsed;
}

/** An authorizer's ARN-valued property as written: FunctionArn / Function, or UserPoolArn / UserPools / UserPool. */
interface ArnTarget {
  authorizer: string;
  value: Json;
  kind: ArnKind;
  /** Where it is written, whichever spelling. */
  base: JsonPath;
  label: string;
}

/** The ARN-valued properties the authorizers of the template set. */
function arnTargets(ctx: RuleContext): ArnTarget[] {
  const out: ArnTarget[] = [];
  for (const a of eachAuthorizer(ctx)) {
    // FunctionInvokeRole is left alone: SAM passes it through, and the RFC's InvokeWithCredentials is checked
    // by normalize (dialect/unknown-role).
    const [value, kind, paths] =
      a.kind === 'cognito'
        ? [a.userPoolArn, USER_POOL_ARN, [['UserPoolArn'], ['UserPools'], ['UserPool']]]
        : [a.functionArn, FUNCTION_ARN, [['FunctionArn'], ['Function']]];
    if (value === undefined || value === null) continue;
    out.push({ authorizer: a.name, value, kind, base: propertyPath(ctx.template, a, paths), label: kind.property });
  }
  return out;
}

/** The target's items (a list's, or the value itself), each with its path. */
function arnItems(t: ArnTarget): [Json, JsonPath][] {
  if (!Array.isArray(t.value)) return [[t.value, t.base]];
  return t.value.map((item, i) => [item, t.base.length > 0 ? [...t.base, i] : t.base]);
}

/**
 * FunctionArn / UserPoolArn (and the RFC's Function, UserPool, UserPools): references must
 * resolve in this template, and literal ARNs must name the right service. CloudFormation would otherwise
 * fail the stack, or API Gateway would reject the authorizer.
 */
export const authorizerArns: Rule = {
  name: 'authorizer-arns',
  codes: ['rules/reference-missing', 'rules/arn-wrong-service'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const t of arnTargets(ctx)) {
      for (const r of missingReferences(ctx, t.value)) {
        const what = r.needsResource ? 'resource' : 'resource or parameter';
        out.push(diagnostic('rules/reference-missing', `Authorizer \`${t.authorizer}\`: ${t.label} refers (!${r.via}) to ${r.name}, but the template has no ${what} named ${r.name}.`, t.base, resourceOf(t.base)));
      }
      for (const [item, path] of arnItems(t)) {
        const parsed = typeof item === 'string' ? parseArn(item) : subTemplateArn(item);
        if (!parsed || (parsed.service === t.kind.service && parsed.resource.startsWith(t.kind.resourcePrefix))) continue;
        const shown = typeof item === 'string' ? `"${item}"` : 'the !Sub ARN';
        out.push(diagnostic('rules/arn-wrong-service', `Authorizer \`${t.authorizer}\`: ${t.kind.property} ${shown} is an ARN of ${parsed.service === t.kind.service ? `a ${parsed.resource.split(/[:/]/)[0]}` : `service ${parsed.service}`}, not ${t.kind.shape}.`, path, resourceOf(path)));
      }
    }
    return out;
  },
};

/** A literal string where an ARN belongs that is not one (often a GetAtt written as a plain string). */
export const arnMalformed: Rule = {
  name: 'arn-malformed',
  codes: ['rules/arn-malformed'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const t of arnTargets(ctx)) {
      for (const [item, path] of arnItems(t)) {
        if (typeof item !== 'string' || parseArn(item)) continue;
        const hint = /^[A-Za-z0-9]+\.[A-Za-z.]+$/.test(item) ? ` Did you mean !GetAtt ${item}?` : ` Expected ${t.kind.shape}.`;
        out.push(diagnostic('rules/arn-malformed', `Authorizer \`${t.authorizer}\`: ${t.kind.property} "${item}" is not an ARN.${hint}`, path, resourceOf(path)));
      }
    }
    return out;
  },
};
