import type { Json } from '../model/json';

/**
 * Plain (unquoted, untagged) scalars → JSON values, the way CloudFormation and SAM read YAML: YAML 1.1 as
 * PyYAML's SafeLoader resolves it (SAM's yaml_parse; CloudFormation agrees: `Value: yes` deploys as "true").
 * So `yes`/`no`/`on`/`off` are booleans, `010` is 8, `0x1F` is 31, `1:30` is 90, and `1e5` is a string
 * (a YAML 1.1 float needs a dot). Timestamps (`2012-10-17`) stay strings, as CloudFormation keeps them.
 * JSON documents use JSON's own rules instead, so `1e5` in a .json template is a number.
 */
export type ScalarValue = { ok: true; value: Json } | { ok: false; message: string };

const NULL_11 = /^(?:~|null|Null|NULL|)$/;
const TRUE_11 = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE_11 = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const INT_11 =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_11 =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

/** A plain scalar of a YAML template. */
export function resolvePlainYaml11(text: string): ScalarValue {
  if (NULL_11.test(text)) return { ok: true, value: null };
  if (TRUE_11.test(text)) return { ok: true, value: true };
  if (FALSE_11.test(text)) return { ok: true, value: false };
  if (INT_11.test(text)) return constructInt(text);
  if (FLOAT_11.test(text)) return constructFloat(text);
  return { ok: true, value: text };
}

/** Whether a plain scalar that resolved to a number is a float to Python (PyYAML's float form, or JSON's `.`/exponent). */
export function isFloatText(text: string, json: boolean): boolean {
  if (json && JSON_NUMBER.test(text)) return /[.eE]/.test(text);
  return FLOAT_11.test(text);
}

/** A plain scalar of a JSON template (true, false, null or a number; anything else is kept as text). */
export function resolvePlainJson(text: string): ScalarValue {
  if (text === 'null') return { ok: true, value: null };
  if (text === 'true') return { ok: true, value: true };
  if (text === 'false') return { ok: true, value: false };
  if (JSON_NUMBER.test(text)) return { ok: true, value: Number(text) };
  return resolvePlainYaml11(text);
}

/** `!!int`, `!!float`, `!!bool`, `!!null` on a scalar: the text must have that type's form. */
export function resolveExplicit(kind: 'int' | 'float' | 'bool' | 'null', text: string): ScalarValue {
  switch (kind) {
    case 'int':
      return INT_11.test(text) ? constructInt(text) : { ok: false, message: `"${text}" is not an integer` };
    case 'float':
      if (FLOAT_11.test(text)) return constructFloat(text);
      // PyYAML's !!float constructor also takes integer forms.
      if (INT_11.test(text)) return constructInt(text);
      return { ok: false, message: `"${text}" is not a float` };
    case 'bool':
      if (TRUE_11.test(text)) return { ok: true, value: true };
      if (FALSE_11.test(text)) return { ok: true, value: false };
      return { ok: false, message: `"${text}" is not a boolean` };
    case 'null':
      return NULL_11.test(text) ? { ok: true, value: null } : { ok: false, message: `"${text}" is not null` };
  }
}

function splitSign(text: string): { sign: number; digits: string } {
  const clean = text.replace(/_/g, '');
  if (clean.startsWith('-')) return { sign: -1, digits: clean.slice(1) };
  if (clean.startsWith('+')) return { sign: 1, digits: clean.slice(1) };
  return { sign: 1, digits: clean };
}

function sexagesimal(digits: string): number {
  return digits.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

function constructInt(text: string): ScalarValue {
  const { sign, digits } = splitSign(text);
  let value: number;
  if (digits === '0') value = 0;
  else if (digits.startsWith('0b')) value = parseInt(digits.slice(2), 2);
  else if (digits.startsWith('0x')) value = parseInt(digits.slice(2), 16);
  else if (digits.startsWith('0')) value = parseInt(digits, 8);
  else if (digits.includes(':')) value = sexagesimal(digits);
  else value = Number(digits);
  // `0b_` and friends: PyYAML fails on them; for us they are text.
  if (!Number.isFinite(value)) return { ok: true, value: text };
  return { ok: true, value: sign * value || 0 };
}

function constructFloat(text: string): ScalarValue {
  const { sign, digits } = splitSign(text.toLowerCase());
  if (digits === '.inf' || digits === '.nan') {
    return { ok: false, message: `"${text}" is ${digits === '.inf' ? 'infinity' : 'not a number'}, which JSON cannot hold; quote it to keep it as a string` };
  }
  const value = digits.includes(':') ? sexagesimal(digits) : Number(digits);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" does not fit in a JSON number; quote it` };
  return { ok: true, value: sign * value || 0 };
}
