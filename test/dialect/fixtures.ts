import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../src/model/json';
import { loadTemplate } from './load-yaml';

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
      rfc: loadTemplate(readFileSync(join(DIALECT_FIXTURES, name, 'rfc.yaml'), 'utf8')),
      sam: loadTemplate(readFileSync(join(DIALECT_FIXTURES, name, 'sam.yaml'), 'utf8')),
    }));
}
