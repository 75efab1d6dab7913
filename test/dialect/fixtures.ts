import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../src/model/json';
import { parseTemplate } from '../../src/parse/index';

export const DIALECT_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'dialects');

export interface DialectPair {
  name: string;
  rfc: JsonObject;
  sam: JsonObject;
}

/** Every fixtures/dialects/<case>/{rfc.yaml,sam.yaml}, in name order. */
export function dialectPairs(): DialectPair[] {
  return readdirSync(DIALECT_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      rfc: load(join(DIALECT_FIXTURES, name, 'rfc.yaml')),
      sam: load(join(DIALECT_FIXTURES, name, 'sam.yaml')),
    }));
}

function load(file: string): JsonObject {
  const parsed = parseTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.template;
}
