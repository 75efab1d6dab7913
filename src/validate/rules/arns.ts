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

function checkLiteralArn(value: Json, kind: ArnKind, path: JsonPath, authorizer: string, out: Diagnostic[]) {
  const parsed = typeof value === 'string' ? parseArn(value) : subTemplateArn(value);
  if (typeof value === 'string' && !parsed) {
    const looksLikeGetAtt = /^[A-Za-z0-9]+\.[A-Za-z.]+$/.test(value);
    const hint = looksLikeGetAtt ? ` Did you mean !GetAtt ${value}?` : ` Expected ${kind.shape}.`;
    out.push(diagnostic('rules/arn-malformed', `Authorizer \`${authorizer}\`: ${kind.property} "${value}" is not an ARN.${hint}`, path, resourceOf(path)));
    return;
  }
  if (!parsed) return;
  if (parsed.service === kind.service && parsed.resource.startsWith(kind.resourcePrefix)) return;
  const shown = typeof value === 'string' ? `"${value}"` : 'the !Sub ARN';
  out.push(diagnostic('rules/arn-wrong-service', `Authorizer \`${authorizer}\`: ${kind.property} ${shown} is an ARN of ${parsed.service === kind.service ? `a ${parsed.resource.split(/[:/]/)[0]}` : `service ${parsed.service}`}, not ${kind.shape}.`, path, resourceOf(path)));
}

/**
 * FunctionArn / UserPoolArn (and the RFC's Function, UserPool, UserPools): references must
 * resolve in this template, and literal ARNs must name the right service. CloudFormation would otherwise
 * fail the stack, or API Gateway would reject the authorizer.
 */
export const authorizerArns: Rule = {
  name: 'authorizer-arns',
  codes: ['rules/reference-missing', 'rules/arn-wrong-service', 'rules/arn-malformed'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const a of eachAuthorizer(ctx)) {
      const targets: { value: Json | undefined; kind: ArnKind; paths: JsonPath[]; label: string }[] =
        a.kind === 'cognito'
          ? [{ value: a.userPoolArn, kind: USER_POOL_ARN, paths: [['UserPoolArn'], ['UserPools'], ['UserPool']], label: 'UserPoolArn' }]
          : [
              // FunctionInvokeRole is left alone: SAM passes it through, and the RFC's InvokeWithCredentials
              // is checked by normalize (dialect/unknown-role).
              { value: a.functionArn, kind: FUNCTION_ARN, paths: [['FunctionArn'], ['Function']], label: 'FunctionArn' },
            ];
      for (const t of targets) {
        if (t.value === undefined || t.value === null) continue;
        const base = propertyPath(ctx.template, a, t.paths);
        for (const r of missingReferences(ctx, t.value)) {
          const what = r.needsResource ? 'resource' : 'resource or parameter';
          out.push(diagnostic('rules/reference-missing', `Authorizer \`${a.name}\`: ${t.label} refers (!${r.via}) to ${r.name}, but the template has no ${what} named ${r.name}.`, base, resourceOf(base)));
        }
        const items = Array.isArray(t.value) ? t.value : [t.value];
        items.forEach((item, i) => {
          const path = Array.isArray(t.value) && base.length > 0 ? [...base, i] : base;
          checkLiteralArn(item, t.kind, path, a.name, out);
        });
      }
    }
    return out;
  },
};
