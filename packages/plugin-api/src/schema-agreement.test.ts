/**
 * The JSON Schemas (for editors) and the validators (for the host and the CLI) must agree: every
 * fixture the validator rejects, Ajv rejects with the schema, and the other way round. Ajv is a
 * dev dependency only: it is too big for the browser host.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { PluginFileKind } from './check-file-text.js';
import { FILE_VALIDATORS } from './check-file-text.js';
import { pluginFileCases } from './fixtures/plugin-file-cases.js';

const SCHEMA_FILES: Record<PluginFileKind, string> = {
  'plugin-package': 'plugin-package.schema.json',
  settings: 'settings.schema.json',
  manifest: 'manifest.schema.json',
};

function loadSchema(kind: PluginFileKind): Record<string, unknown> {
  const url = new URL(`../schemas/${SCHEMA_FILES[kind]}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

const ajv = new Ajv2020({
  strict: true,
  // `not: {anyOf: [{required: [a, b]}...]}` names properties defined beside it, not inside it.
  strictRequired: false,
  allErrors: true,
  allowUnionTypes: true,
});
const schemaValidators = Object.fromEntries(
  (Object.keys(SCHEMA_FILES) as PluginFileKind[]).map((kind) => [
    kind,
    ajv.compile(loadSchema(kind)),
  ]),
) as Record<PluginFileKind, ReturnType<typeof ajv.compile>>;

describe('the JSON Schemas', () => {
  it.each(Object.entries(SCHEMA_FILES))(
    '%s compiles in strict draft 2020-12 mode with an $id, title and description',
    (kind) => {
      const schema = loadSchema(kind as PluginFileKind);
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toMatch(
        new RegExp(`/schemas/${SCHEMA_FILES[kind as PluginFileKind]}$`),
      );
      expect(schema['title']).toEqual(expect.any(String));
      expect(schema['description']).toEqual(expect.any(String));
    },
  );
});

describe('schema and validator agree', () => {
  const cases = pluginFileCases.map(
    (fixture) => [`${fixture.kind}: ${fixture.name}`, fixture] as const,
  );

  it.each(cases)('%s', (_, fixture) => {
    const validatorOk = FILE_VALIDATORS[fixture.kind](fixture.value, 'x.json').ok;
    const schemaOk = schemaValidators[fixture.kind](fixture.value);
    if (fixture.beyondSchema !== undefined) {
      // A rule JSON Schema cannot state: the schema accepts, the validator rejects.
      expect({ schemaOk, validatorOk }).toEqual({ schemaOk: true, validatorOk: false });
      return;
    }
    expect(schemaOk, JSON.stringify(schemaValidators[fixture.kind].errors)).toBe(validatorOk);
  });

  it('covers both verdicts for every kind', () => {
    for (const kind of Object.keys(SCHEMA_FILES)) {
      const verdicts = new Set(
        pluginFileCases
          .filter((fixture) => fixture.kind === kind)
          .map((fixture) => fixture.issues.some((issue) => issue.startsWith('error'))),
      );
      expect(verdicts).toEqual(new Set([true, false]));
    }
  });
});
