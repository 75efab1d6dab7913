import type { Diagnostic } from '../../diagnostics/types';
import { diagnostic } from '../../diagnostics/make';
import type { Json, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { getAttTarget } from '../intrinsics';

/**
 * References to ApiAuthorizer resources left after desugaring (`Ref`, `Fn::GetAtt`, `DependsOn`): the macro
 * consumes those resources, so CloudFormation would fail on them later, far from the cause.
 */
export function findReferences(template: Json, ids: ReadonlySet<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (id: string, path: JsonPath): void => {
    found.push(
      diagnostic(
        'dialect/api-authorizer-reference',
        `${id} is an AWS::Serverless::ApiAuthorizer, which the macro consumes (it becomes part of each API's definition), so nothing can refer to it here: name it as a plain string in Auth.Authorizers, DefaultAuthorizer or an event Authorizer instead.`,
        path,
        path[0] === 'Resources' && path[1] !== undefined ? String(path[1]) : undefined,
      ),
    );
  };
  const walk = (node: Json, path: JsonPath): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = [...path, key];
      if (key === 'Ref' && typeof value === 'string' && ids.has(value)) report(value, at);
      else if (key === 'Fn::GetAtt') {
        const target = getAttTarget(value);
        if (typeof target === 'string' && ids.has(target)) report(target, at);
      } else if (key === 'DependsOn' && path.length === 2 && path[0] === 'Resources') {
        const names = Array.isArray(value) ? value : [value];
        names.forEach((name, i) => {
          if (typeof name === 'string' && ids.has(name)) report(name, Array.isArray(value) ? [...at, i] : at);
        });
      }
      walk(value, at);
    }
  };
  walk(template, []);
  return found;
}
