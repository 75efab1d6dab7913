import type { Json } from '../model/json';
import { isObject } from '../model/json';

/** `X` of `{ Ref: X }`, the way an Auth.Authorizers entry, a DefaultAuthorizer or an event may name an ApiAuthorizer. */
export function refTarget(value: Json | undefined): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'Ref' && typeof value.Ref === 'string' ? value.Ref : undefined;
}

/** The logical id a `Fn::GetAtt` argument names: `[X, Attr]` or `'X.Attr'`. */
export function getAttTarget(argument: Json | undefined): Json | undefined {
  return Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
}
