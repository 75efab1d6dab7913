#!/usr/bin/env node
// Compiles schema/sam-auth.schema.json with ajv into standalone validator code, so that neither the CLI nor the
// Lambda compiles a schema at start-up. Output: src/validate/generated/schema-validators.ts (git-ignored; tsc
// compiles it with the rest of src/). Deterministic: same schema, same bytes.
//
// The output is kept small, since it ships in the Lambda bundle:
// - every definition is one function, called where it is referenced (ajv `inlineRefs: false`), and each is
//   emitted once: the exports are the very functions the other definitions call;
// - errors carry no ajv message text, no copy of the schema and no data (`messages: false`, `verbose: false`),
//   and the schema compiled is stripped of what validates nothing (descriptions, defaults, our x-* annotations);
// - instead each error's `schemaPath` is absolute (`#/definitions/<name>/…`), and the module exports
//   `annotations`: the schema reduced to what messages are worded from (every `x-*` annotation, `required`, the
//   names under `properties`), so src/validate/schema/validators.ts finds the schema object that holds the
//   failing keyword by its pointer;
// - the `uri` format is our own check (src/validate/schema/formats.ts), not ajv-formats.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const { _ } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

const root = path.resolve(__dirname, '..');
const schemaFile = path.join(root, 'schema', 'sam-auth.schema.json');
const outDir = path.join(root, 'src', 'validate', 'generated');
const outFile = path.join(outDir, 'schema-validators.ts');

/** Annotation keywords our schema carries for messages; they validate nothing. */
const ANNOTATIONS = ['x-expect', 'x-expect-parent', 'x-name', 'x-needs', 'x-unknown'];
/** Keywords that only document a schema: dropped from the copy that is compiled. */
const DOCUMENTATION = new Set(['description', 'title', 'default', 'examples', '$comment']);
/** Besides `x-*` annotations and property names, what of a schema object messages may read (translate.ts). */
const KEPT_FOR_MESSAGES = ['required'];
/** The definitions the schema check runs, by export name. */
const EXPORTS = {
  apiAuth: 'apiAuth',
  eventAuth: 'eventAuth',
  authorizer: 'authorizer',
  apiAuthorizer: 'apiAuthorizer',
  apiAuthorizerGlobals: 'apiAuthorizerGlobals',
};
/** Where the generated module finds our formats (relative to src/validate/generated/). */
const FORMATS_MODULE = '../schema/formats';

// Keywords whose value is a map of schemas, a schema, or a list of schemas; every other value is data.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
const SCHEMA_LISTS = new Set(['anyOf', 'allOf', 'oneOf']);
const SCHEMAS = new Set(['not', 'if', 'then', 'else', 'items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames']);

/** Maps `f` over the subschemas of a schema object, keeping the keys `keep(key)` says to keep. */
function mapSchema(node, keep, f) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keep(key)) continue;
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));
    } else if ((SCHEMA_LISTS.has(key) || key === 'items') && Array.isArray(value)) {
      out[key] = value.map(f);
    } else if (SCHEMAS.has(key)) {
      out[key] = f(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The schema as compiled: what validates, nothing that only documents or words messages. */
function forCompiling(node) {
  return mapSchema(node, (key) => !DOCUMENTATION.has(key) && !key.startsWith('x-'), forCompiling);
}

/**
 * The schema reduced to what messages read: `x-*` annotations, KEPT_FOR_MESSAGES, the names under `properties`,
 * and the subschemas on the way to them (so that a schema pointer resolves in it as in the full schema).
 * Subschemas with nothing to say are left out, except under `properties` (their names are read) and in lists
 * (positions must hold).
 */
function forMessages(node) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || KEPT_FOR_MESSAGES.includes(key)) {
      out[key] = value;
    } else if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forMessages(v) ?? {}]));
    } else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      const entries = Object.entries(value)
        .map(([k, v]) => [k, forMessages(v)])
        .filter(([, v]) => v !== undefined);
      if (entries.length > 0) out[key] = Object.fromEntries(entries);
    } else if ((SCHEMA_LISTS.has(key) || key === 'items') && Array.isArray(value)) {
      const list = value.map((v) => forMessages(v) ?? {});
      if (list.some((v) => Object.keys(v).length > 0)) out[key] = list;
    } else if (SCHEMAS.has(key)) {
      const sub = forMessages(value);
      if (sub !== undefined) out[key] = sub;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function newAjv(options) {
  return new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, ...options });
}

/** The whole document must stay a valid schema: the YAML language server reads it as it is. */
function checkDocument(schema) {
  const ajv = newAjv({});
  ajv.addFormat('uri', true);
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: 'string' });
  ajv.compile(schema);
}

/** A `$ref`-only definition validates as the definition it names: export that one's function. */
function target(definitions, name) {
  const seen = new Set();
  let def = definitions[name];
  while (def && Object.keys(def).length === 1 && typeof def.$ref === 'string' && def.$ref.startsWith('#/definitions/')) {
    if (seen.has(name)) throw new Error(`build-schema: $ref cycle at ${name}`);
    seen.add(name);
    name = def.$ref.slice('#/definitions/'.length);
    def = definitions[name];
  }
  if (!def) throw new Error(`build-schema: no definition ${name}`);
  return name;
}

function build() {
  const fullSchema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  checkDocument(fullSchema);

  const schema = forCompiling(fullSchema);
  const ajv = newAjv({
    inlineRefs: false,
    verbose: false,
    messages: false,
    code: { source: true, esm: true, lines: false, optimize: true, formats: _`require(${FORMATS_MODULE})` },
  });
  // Only its name matters here: the generated code calls require(FORMATS_MODULE).uri.
  ajv.addFormat('uri', () => true);
  ajv.addSchema(schema);
  // Compiling the document compiles every definition it reaches, once, into the document's refs.
  ajv.compile(schema);
  const documentEnv = ajv.schemas[schema.$id];
  const refs = {};
  for (const [exportName, def] of Object.entries(EXPORTS)) {
    const id = `${schema.$id}#/definitions/${target(schema.definitions, def)}`;
    const env = documentEnv.refs[id];
    if (!env || typeof env.validate !== 'function') throw new Error(`build-schema: ${id} was not compiled as a function`);
    // getSchema (standaloneCode's way in) looks here first: hand it the function the other definitions call.
    ajv.refs[id] = env;
    refs[exportName] = id;
  }
  absoluteSchemaPaths(Object.values(refs).map((id) => documentEnv.refs[id].validate), schema.definitions);

  const code = standaloneCode(ajv, refs);
  const annotations = forMessages({ definitions: fullSchema.definitions }) ?? {};
  const header =
    '// @ts-nocheck\n' +
    '/* eslint-disable */\n' +
    '// GENERATED by scripts/build-schema.js from schema/sam-auth.schema.json. Do not edit; run `npm run build`.\n';
  const text =
    header +
    code +
    '\n/** The schema reduced to what messages are worded from, for finding the schema object of an error by its schemaPath. */\n' +
    `export const annotations = ${JSON.stringify(annotations)};\n`;
  fs.mkdirSync(outDir, { recursive: true });
  const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : undefined;
  if (previous !== text) fs.writeFileSync(outFile, text);
}

/**
 * ajv writes each error's schemaPath relative to the definition whose function raised it (`#/type`), which
 * does not say which definition that was. Rewrites the emitted code of each function, before standaloneCode
 * prints it, so the path is from the document (`#/definitions/headerName/type`).
 */
function absoluteSchemaPaths(exported, definitions) {
  const done = new Set();
  const visit = (fn) => {
    if (done.has(fn)) return;
    done.add(fn);
    const name = Object.keys(definitions).find((d) => definitions[d] === fn.schema);
    if (name === undefined) throw new Error('build-schema: a compiled function validates no definition');
    const source = fn.source;
    const all = source.validateCode.split('schemaPath:').length - 1;
    const literal = source.validateCode.split('schemaPath:"#').length - 1;
    if (all !== literal) throw new Error(`build-schema: ${name} has a schemaPath that is not a literal`);
    source.validateCode = source.validateCode.split('schemaPath:"#').join(`schemaPath:"#/definitions/${encodeURIComponent(name)}`);
    for (const ref of source.scopeValues.validate ?? []) {
      const called = ref.value && ref.value.ref;
      if (typeof called === 'function') visit(called);
      else if (called && typeof called.validate === 'function') visit(called.validate);
    }
  };
  for (const fn of exported) visit(fn);
}

build();
