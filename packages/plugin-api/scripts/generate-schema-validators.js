// Compiles schemas/*.schema.json into src/generated/schema-validators.ts: Ajv's standalone
// validation code (no Ajv at runtime, so the browser host does not carry it) and the messages the
// schemas hold (`errorMessage`, VS Code's keyword, and our `requiredMessage`). The schemas are the
// one source of the three files' rules (docs/decisions/0051-schema-validators.md).
//
// Runs before `build`, `typecheck` and `test` (and as Vitest's global setup); the output is
// gitignored. `node scripts/generate-schema-validators.js` regenerates it by hand.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The three file kinds; each has schemas/<kind>.schema.json. */
const KINDS = ['plugin-package', 'settings', 'manifest'];

/** Keywords that only annotate: kept for editors, left out of the compiled code. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'errorMessage',
  'requiredMessage',
]);
/** Keywords whose value maps names to subschemas, lists subschemas, or is one. */
const SCHEMA_MAPS = new Set(['properties', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['items', 'not']);

/** Ajv's `schemaPath` spelling of a JSON pointer token (`$defs` stays as a `$ref` spells it). */
function pathToken(token) {
  if (token === '$defs') return token;
  return encodeURIComponent(String(token).replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** Visits every subschema with its Ajv-style path (`#/properties/id`). */
function walk(schema, path, visit) {
  if (typeof schema !== 'object' || schema === null) return;
  visit(schema, path);
  for (const [keyword, value] of Object.entries(schema)) {
    const at = `${path}/${pathToken(keyword)}`;
    if (SCHEMA_MAPS.has(keyword)) {
      for (const [name, sub] of Object.entries(value)) walk(sub, `${at}/${pathToken(name)}`, visit);
    } else if (SCHEMA_LISTS.has(keyword)) {
      value.forEach((sub, index) => walk(sub, `${at}/${index}`, visit));
    } else if (SCHEMA_VALUES.has(keyword)) {
      walk(value, at, visit);
    }
  }
}

/** The schema without annotations (a property may still be called "description"). */
function withoutAnnotations(schema) {
  const copy = structuredClone(schema);
  walk(copy, '#', (node) => ANNOTATIONS.forEach((keyword) => delete node[keyword]));
  return copy;
}

/** Per subschema path: its messages and the property names it declares. */
function notesOf(schema) {
  const notes = {};
  walk(schema, '#', (node, path) => {
    for (const name of path.endsWith('/not') || path.includes('/anyOf/')
      ? []
      : (node.required ?? [])) {
      if (typeof node.properties?.[name]?.requiredMessage !== 'string') {
        throw new Error(`${schema.$id} ${path}: required "${name}" needs a requiredMessage`);
      }
    }
    const note = {};
    if (typeof node.errorMessage === 'string') note.errorMessage = node.errorMessage;
    if (typeof node.requiredMessage === 'string') note.requiredMessage = node.requiredMessage;
    if (node.properties) note.properties = Object.keys(node.properties);
    if (Object.keys(note).length > 0) notes[path] = note;
  });
  return notes;
}

/** Reads the schemas and returns the TypeScript source of the generated module. */
export function generateSchemaValidatorsSource(schemaDir) {
  const schemas = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      JSON.parse(readFileSync(new URL(`${kind}.schema.json`, schemaDir), 'utf8')),
    ]),
  );
  const ajv = new Ajv2020({
    code: { source: true, esm: true },
    strict: true,
    // `not: {anyOf: [{required: [a, b]}...]}` names properties declared beside it, not inside it.
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
    // Our messages come from the schemas (SCHEMA_NOTES); Ajv's English would only add bytes.
    messages: false,
  });
  // `plugin-package` → `pluginPackage`: the name of its validator in the generated code.
  const exportName = (kind) => kind.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
  for (const schema of Object.values(schemas)) ajv.addSchema(withoutAnnotations(schema));
  const code = standaloneCode(
    ajv,
    Object.fromEntries(KINDS.map((kind) => [exportName(kind), schemas[kind].$id])),
  );
  const notes = Object.fromEntries(
    Object.entries(schemas).map(([kind, schema]) => [kind, notesOf(schema)]),
  );
  // Every way the code can fail must find its sentence: the subschema holding the failing keyword
  // carries an errorMessage (required failures were checked in notesOf).
  for (const [, path] of code.matchAll(/schemaPath:"([^"]*)"/g)) {
    const node = path.slice(0, path.lastIndexOf('/'));
    if (path.endsWith('/required')) continue;
    if (!Object.values(notes).some((kindNotes) => kindNotes[node]?.errorMessage)) {
      throw new Error(`schema node ${node} can fail (${path}) but has no errorMessage`);
    }
  }
  const validators = KINDS.map((kind) => `  '${kind}': ${exportName(kind)},`).join('\n');
  return `/* eslint-disable */
// @ts-nocheck -- generated by scripts/generate-schema-validators.js from schemas/*.schema.json: do not edit.
import type { SchemaNotes, SchemaValidator } from '../schema-check.js';
${code}

export const SCHEMA_VALIDATORS: Record<'plugin-package' | 'settings' | 'manifest', SchemaValidator> = {
${validators}
};

export const SCHEMA_NOTES: Record<'plugin-package' | 'settings' | 'manifest', SchemaNotes> = ${JSON.stringify(notes, null, 2)};
`;
}

/**
 * Writes src/generated/schema-validators.ts; also Vitest's global setup. turbo runs `typecheck` and
 * `test` at once, so the file is replaced whole (rename), and left alone when it is current.
 */
export default function generateSchemaValidators() {
  const packageDir = new URL('../', import.meta.url);
  const outDir = new URL('src/generated/', packageDir);
  const target = new URL('schema-validators.ts', outDir);
  const source = generateSchemaValidatorsSource(new URL('schemas/', packageDir));
  if (existsSync(target) && readFileSync(target, 'utf8') === source) return;
  mkdirSync(outDir, { recursive: true });
  const temporary = new URL(`schema-validators.ts.${process.pid}.tmp`, outDir);
  writeFileSync(temporary, source);
  renameSync(temporary, target);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generateSchemaValidators();
