/**
 * Fixture loader for the dialect tests: YAML with CloudFormation's short-form tags, read as SAM reads them
 * (`!X` → `{ "Fn::X": … }`, `!Ref` / `!Condition` keep their name, `!GetAtt A.B` → ["A", "B"]).
 * Stand-in until src/parse's parseTemplate is committed; the tests switch to it then.
 */
import { YAML11_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, load } from 'js-yaml';
import type { Json, JsonObject } from '../../src/model/json';
import { isObject } from '../../src/model/json';

const TAGS = ['Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'Base64', 'Cidr', 'GetAZs', 'ImportValue'];

const key = (tag: string): string => (tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`);

const cfnTags = TAGS.flatMap((tag) => [
  defineScalarTag<JsonObject>(`!${tag}`, {
    resolve: (source) => {
      if (tag !== 'GetAtt') return { [key(tag)]: source };
      const dot = source.indexOf('.');
      return { [key(tag)]: dot < 0 ? [source] : [source.slice(0, dot), source.slice(dot + 1)] };
    },
    identify: () => false,
  }),
  defineSequenceTag<Json[], JsonObject>(`!${tag}`, {
    create: () => [],
    addItem: (carrier, item) => {
      carrier.push(item as Json);
    },
    finalize: (carrier) => ({ [key(tag)]: carrier }),
    identify: () => false,
  }),
  defineMappingTag<JsonObject, JsonObject>(`!${tag}`, {
    create: () => ({}),
    addPair: (carrier, k, v) => {
      carrier[String(k)] = v as Json;
      return '';
    },
    has: (carrier, k) => Object.prototype.hasOwnProperty.call(carrier, String(k)),
    keys: (result) => Object.keys(result),
    get: (result, k) => result[String(k)],
    finalize: (carrier) => ({ [key(tag)]: carrier }),
    identify: () => false,
  }),
]);

const schema = YAML11_SCHEMA.withTags(cfnTags);

export function loadTemplate(text: string): JsonObject {
  const value = load(text, { schema });
  if (!isObject(value as Json)) throw new Error('fixture is not a mapping');
  return value as JsonObject;
}
