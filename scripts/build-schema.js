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
//   failing keyword by its pointer; the generated code reads property names and enums there too, instead of
//   from copies of the schema;
// - the `uri` format is our own check (src/validate/schema/formats.ts), not ajv-formats.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const { Name } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

const root = path.resolve(__dirname, '..');
const schemaFile = path.join(root, 'schema', 'sam-auth.schema.json');
const outDir = path.join(root, 'src', 'validate', 'generated');
const outFile = path.join(outDir, 'schema-validators.ts');

/** Annotation keywords our schema carries for messages; they validate nothing. */
const ANNOTATIONS = ['x-expect', 'x-expect-parent', 'x-name', 'x-needs', 'x-unknown'];
/** Keywords that only document a schema: dropped from the copy that is compiled. */
const DOCUMENTATION = new Set(['description', 'title', 'default', 'examples', '$comment']);
/**
 * Besides `x-*` annotations and property names, what of a schema object is read at run time: `required` by
 * messages (translate.ts), `enum` by the generated code (the allowed values of an enum error).
 */
const KEPT_FOR_MESSAGES = ['required', 'enum'];
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
/** The name the generated module imports it as (ajv's own names end in a number). */
const FORMATS_IMPORT = 'ourFormats';

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
 * The schema reduced to what is read at run time: `x-*` annotations, KEPT_FOR_MESSAGES, the names under `properties`,
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

/**
 * A string's length in UTF-16 units and in code points differ only for astral characters, and never on
 * whether it is empty: with no minLength above 1 and no maxLength, ajv's code-point count is not needed.
 */
function lengthsAreUnicodeSafe(node) {
  if (Array.isArray(node)) return node.every(lengthsAreUnicodeSafe);
  if (node === null || typeof node !== 'object') return true;
  if ('maxLength' in node || (typeof node.minLength === 'number' && node.minLength > 1)) return false;
  return Object.entries(node).every(([key, value]) => key === 'enum' || key === 'const' || lengthsAreUnicodeSafe(value));
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
    // `s.length` instead of ajv's code-point count (a helper module): the same answer for minLength 0 or 1.
    // ajv calls the option deprecated and says so on every run; that one notice is not printed.
    unicode: !lengthsAreUnicodeSafe(schema),
    logger: {
      log: (...args) => console.log(...args),
      warn: (...args) => (/^DEPRECATED: option unicode/.test(String(args[0])) ? undefined : console.warn(...args)),
      error: (...args) => console.error(...args),
    },
    verbose: false,
    messages: false,
    code: { source: true, esm: true, lines: false, optimize: true, formats: new Name(FORMATS_IMPORT) },
  });
  // Only its name matters here: the generated code calls ourFormats.uri (imported from FORMATS_MODULE).
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
  const compiled = rewriteFunctions(Object.values(refs).map((id) => documentEnv.refs[id].validate), schema);

  const code = standaloneCode(ajv, refs);
  const definitions = Object.fromEntries(Object.entries(fullSchema.definitions).filter(([name]) => compiled.has(name)));
  const annotations = forMessages({ definitions }) ?? {};
  const header =
    '// @ts-nocheck\n' +
    '/* eslint-disable */\n' +
    '// GENERATED by scripts/build-schema.js from schema/sam-auth.schema.json. Do not edit; run `npm run build`.\n';
  // the import after ajv's "use strict" directive, which must come first
  const strict = '"use strict";';
  if (!code.startsWith(strict)) throw new Error('build-schema: standalone code does not start with "use strict"');
  const text =
    header +
    strict +
    `\nimport * as ${FORMATS_IMPORT} from ${JSON.stringify(FORMATS_MODULE)};\n` +
    code.slice(strict.length) +
    '\n' +
    ADD_ERROR +
    '\n/** The schema reduced to what messages are worded from, for finding the schema object of an error by its schemaPath. */\n' +
    `export const annotations = ${JSON.stringify(annotations)};\n`;
  fs.mkdirSync(outDir, { recursive: true });
  const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : undefined;
  if (previous !== text) fs.writeFileSync(outFile, text);
}

/**
 * Rewrites the emitted code of each function before standaloneCode prints it:
 * - ajv writes each error's schemaPath relative to the definition whose function raised it (`#/type`), which
 *   does not say which definition that was: make it from the document (`#/definitions/headerName/type`),
 *   as `base + "/type"` with the function's `base` declared once;
 * - leaner code for the same errors (the bundle's largest input): a function takes the instance path as its
 *   second argument, without the parentData/rootData our schema never reads, and an error is made and
 *   appended by one helper call instead of an inline object and push.
 * Each rewrite must match every place it is meant for; the build fails when ajv's output no longer fits.
 * Returns the names of the definitions compiled.
 */
function rewriteFunctions(exported, root) {
  const definitions = root.definitions;
  const done = new Set();
  const names = new Set();
  const visit = (fn) => {
    if (done.has(fn)) return;
    done.add(fn);
    const name = Object.keys(definitions).find((d) => definitions[d] === fn.schema);
    if (name === undefined) throw new Error('build-schema: a compiled function validates no definition');
    names.add(name);
    fn.source.validateCode = schemaReads(leanCode(fn.source.validateCode, name), fn.source.scopeValues.schema, root);
    for (const ref of fn.source.scopeValues.validate ?? []) {
      const called = ref.value && ref.value.ref;
      if (typeof called === 'function') visit(called);
      else if (called && typeof called.validate === 'function') visit(called.validate);
    }
  };
  for (const fn of exported) visit(fn);
  return names;
}

/** The path of `target` in `node` (by identity), as property names and indexes. */
function pathOf(node, target, path = []) {
  if (node === target) return path;
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, value] of Object.entries(node)) {
    const found = pathOf(value, target, [...path, Array.isArray(node) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * ajv's code reads parts of the schema at run time (`schema9.properties` for the names an object may have,
 * `schema9.properties.Type.enum` for an enum error's allowed values), from a copy of each schema object it
 * needs. Reads them from `annotations` instead, which holds both, so the copies are never used.
 */
function schemaReads(code, schemaNames, root) {
  let out = code;
  for (const schemaName of schemaNames ?? []) {
    const path = pathOf(root, schemaName.value && schemaName.value.ref);
    if (!path) throw new Error(`build-schema: ${schemaName.str} is not part of the schema`);
    const at = path.map((p) => (typeof p === 'number' ? `[${p}]` : `[${JSON.stringify(p)}]`)).join('');
    out = out.replace(new RegExp(`\\b${schemaName.str}((?:\\.[A-Za-z_$][\\w$]*|\\[\\d+\\])*)`, 'g'), (_m, rest) => {
      if (!/^(?:\.properties|(?:\.properties\.[A-Za-z_$][\w$]*|\.anyOf\[\d+\]|\.items)*\.enum)$/.test(rest)) {
        throw new Error(`build-schema: the generated code reads ${schemaName.str}${rest}, which annotations do not hold`);
      }
      return `annotations${at}${rest}`;
    });
  }
  return out;
}

const SIGNATURE = '(data, {instancePath="", parentData, parentDataProperty, rootData=data}={})';
// an expression in ajv's output: no comma or brace outside string literals and (unnested) parentheses
const STRING = '"(?:[^"\\\\]|\\\\.)*"';
const EXPR = `(?:[^,{}"()]|${STRING}|\\((?:[^()"]|${STRING})*\\))+`;
// {instancePath:<expr>,parentData:<expr>,parentDataProperty:<expr>,rootData}, the options of a call
const CALL_OPTIONS = new RegExp(`\\{instancePath(?::(${EXPR}))?,parentData(?::${EXPR})?,parentDataProperty(?::${EXPR})?,rootData\\}`, 'g');
// const errN = {instancePath<:expr>,schemaPath:"…",keyword:"…",params:{…}<,propertyName:expr>};<push>errors++;
const ERROR_SITE = new RegExp(
  `const (err\\d+) = \\{instancePath(?::(${EXPR}))?,schemaPath:("[^"]*"),keyword:"([^"]*)",params:(\\{(?:[^{}"]|"[^"]*")*\\})(?:,propertyName:(${EXPR}))?\\};` +
    'if\\(vErrors === null\\)\\{vErrors = \\[\\1\\];\\}else \\{vErrors\\.push\\(\\1\\);\\}errors\\+\\+;',
  'g',
);
// if(data.Key !== undefined){if(!(validateN(data.Key, instancePath+"/Key"))){ — a property's call, up to its errors
const PROPERTY_CALL = /if\((data\d*)\.([A-Za-z_][A-Za-z0-9_]*) !== undefined\)\{if\(!\((validate\d+)\(\1\.\2, instancePath\+"\/\2"\)\)\)\{(vErrors = addErrors\(vErrors, \3\.errors\);errors = vErrors\.length;\})\}/g;
/** The helpers the rewritten error sites and calls use; appended to the generated module. */
const ADD_ERROR =
  'function addError(errors, instancePath, schemaPath, params = {}, propertyName) {' +
  'const error = {instancePath, schemaPath, keyword: schemaPath.slice(schemaPath.lastIndexOf("/") + 1), params};' +
  'if (propertyName !== undefined) error.propertyName = propertyName;' +
  'if (errors === null) return [error];' +
  'errors.push(error); return errors;}\n' +
  'function addErrors(errors, more) {return errors === null ? more : errors.concat(more);}\n' +
  'function validProperty(data, key, validate, instancePath) {const value = data[key];return value === undefined || validate(value, instancePath + "/" + key);}\n' +
  'const definitionsPath = "#/definitions/";';

function leanCode(code, name) {
  const fail = (what) => {
    throw new Error(`build-schema: ${name}: ${what}; ajv's output changed, update leanCode()`);
  };
  const at = code.indexOf(SIGNATURE);
  if (at < 0 || code.includes(SIGNATURE, at + 1) || code[at + SIGNATURE.length] !== '{') fail('not one function signature and body');
  let out = `${code.slice(0, at)}(data, instancePath=""){${code.slice(at + SIGNATURE.length + 1)}`;
  out = out.replace(CALL_OPTIONS, (_m, path) => path ?? 'instancePath');
  if (/parentData|rootData/.test(out)) fail(`parentData or rootData left after rewriting the calls: ${/.{0,200}(parentData|rootData).{0,100}/.exec(out)[0]}`);
  // schemaPath: from the document, `#/definitions/<name>` + the path ajv gives (relative to the definition);
  // as `base + "/type"` with `base` declared once when the function has more than one error site
  const base = `#/definitions/${encodeURIComponent(name)}`;
  const sites = out.match(ERROR_SITE)?.length ?? 0;
  const absolute = (relative) => (sites > 1 ? `base + ${JSON.stringify(relative.slice(1))}` : JSON.stringify(base + relative.slice(1)));
  out = out.replace(ERROR_SITE, (_m, _err, path, schemaPath, keyword, params, propertyName) => {
    const relative = JSON.parse(schemaPath);
    if (!relative.startsWith('#/') || !relative.endsWith(`/${keyword}`)) fail(`schemaPath ${schemaPath} does not end with its keyword ${keyword}`);
    const args = [path ?? 'instancePath', absolute(relative)];
    if (params !== '{}' || propertyName !== undefined) args.push(params);
    if (propertyName !== undefined) args.push(propertyName);
    return `vErrors = addError(vErrors, ${args.join(', ')});errors++;`;
  });
  const declaration = `const base = definitionsPath + ${JSON.stringify(encodeURIComponent(name))};`;
  if (sites > 1) out = out.replace('(data, instancePath=""){', () => `(data, instancePath=""){${declaration}`);
  out = out.replace(
    /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    'vErrors = addErrors(vErrors, $1.errors);',
  );
  if (out.includes('vErrors.concat')) fail('vErrors.concat left after rewriting the calls');
  // a property checked by another definition's function (most properties): one helper call instead of reading
  // the property three times and spelling its name in the path (`validProperty` does both; same path, same errors)
  out = out.replace(PROPERTY_CALL, (_m, data, key, fn, collect) => `if(!validProperty(${data}, ${JSON.stringify(key)}, ${fn}, instancePath)){${collect}`);
  // what is left are the empty errors of `if` subschemas (createErrors: false), which nobody reads
  const left = out.match(/const err\d+ = \{[^}]/g);
  if (left) fail(`error site not rewritten: ${left[0]}`);
  return out;
}

build();
