/**
 * The errors of the three files come from their JSON Schemas (schemas/*.schema.json), compiled
 * at build time into standalone validation code (scripts/generate-schema-validators.js). Each
 * failure becomes an issue with the sentence the schema gives for it (`errorMessage`, which VS Code
 * shows too, or `requiredMessage`) and what was found.
 */
import { SCHEMA_NOTES, SCHEMA_VALIDATORS } from './generated/schema-validators.js';
import type { IssueCollector } from './issue-collector.js';
import { describeJsonType, isJsonObject, listWords, type JsonObject } from './json-shape.js';
import { escapePointerToken } from './parse-json.js';
import { misspellingOf } from './undeclared-keys.js';

export type PluginFileKind = 'plugin-package' | 'settings' | 'manifest';

/** One failure as Ajv's generated code reports it (its `messages: false` form). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** What the schema says at one subschema path (`#/properties/id`, `#/$defs/menuItem`). */
export interface SchemaNote {
  errorMessage?: string;
  requiredMessage?: string;
  properties?: string[];
}

export type SchemaNotes = Record<string, SchemaNote>;

/** The property names a schema declares for the objects at `schemaPath`. */
export function declaredKeys(kind: PluginFileKind, schemaPath: string): readonly string[] {
  return SCHEMA_NOTES[kind][schemaPath]?.properties ?? [];
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    value = isJsonObject(value) || Array.isArray(value) ? (value as JsonObject)[key] : undefined;
  }
  return value;
}

/** Adds an error for every way `value` breaks the schema of `kind`. */
export function checkAgainstSchema(
  kind: PluginFileKind,
  value: unknown,
  issues: IssueCollector,
): void {
  const validate = SCHEMA_VALIDATORS[kind];
  if (validate(value)) return;
  for (const error of validate.errors ?? []) {
    const node = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
    if (error.keyword === 'required') {
      reportMissing(kind, value, error, node, issues);
      continue;
    }
    const data = valueAt(value, error.instancePath);
    const message = SCHEMA_NOTES[kind][node]?.errorMessage ?? `breaks ${error.schemaPath}`;
    issues.error(error.instancePath, `${message}${found(kind, node, error.keyword, data)}`);
  }
}

/** ", found a string (\"x\")"; for a `not` over properties: "; found toolbar and conference". */
function found(kind: PluginFileKind, node: string, keyword: string, data: unknown): string {
  if (keyword !== 'not' || !isJsonObject(data)) return `, found ${describeJsonType(data)}`;
  let owner = node;
  while (SCHEMA_NOTES[kind][owner]?.properties === undefined && owner.includes('/')) {
    owner = owner.slice(0, owner.lastIndexOf('/'));
  }
  const named = declaredKeys(kind, owner);
  return `; found ${listWords(Object.keys(data).filter((key) => named.includes(key)))}`;
}

/**
 * A missing required field, reported at the object that lacks it; or, when the object has an
 * undeclared key that looks like a misspelling of it, at that key with "did you mean".
 */
function reportMissing(
  kind: PluginFileKind,
  root: unknown,
  error: SchemaError,
  node: string,
  issues: IssueCollector,
): void {
  const missing = String(error.params['missingProperty']);
  const message =
    SCHEMA_NOTES[kind][`${node}/properties/${encodeURIComponent(escapePointerToken(missing))}`]
      ?.requiredMessage ?? `${missing} is required`;
  const object = valueAt(root, error.instancePath) as JsonObject;
  const misspelt = misspellingOf(object, declaredKeys(kind, node), missing);
  if (misspelt === undefined) {
    issues.error(error.instancePath, message);
    return;
  }
  issues.error(
    `${error.instancePath}/${escapePointerToken(misspelt)}`,
    `${message}; found "${misspelt}": did you mean "${missing}"?`,
  );
}
