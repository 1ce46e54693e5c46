/**
 * The JSON Schemas are the one source of the three files' rules: editors read them through
 * "$schema", and the validators are compiled from them. These tests hold what both rely on.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSchemaValidatorsSource } from '../scripts/generate-schema-validators.js';
import { MENU_PLACEMENTS, PARTICIPANT_ROLES, PLATFORMS } from './validate-plugin-package.js';

type Schema = Record<string, unknown>;

const SCHEMA_FILES = ['plugin-package.schema.json', 'settings.schema.json', 'manifest.schema.json'];
const SCHEMA_DIR = new URL('../schemas/', import.meta.url);

function loadSchema(file: string): Schema {
  return JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Schema;
}

/** Every property schema, named by where it sits. */
function propertiesOf(schema: unknown, path = '#'): Array<[string, Schema]> {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: Array<[string, Schema]> = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' || keyword === '$defs') {
      for (const [name, sub] of Object.entries(value as Record<string, Schema>)) {
        if (keyword === 'properties') found.push([`${path}/${name}`, sub]);
        found.push(...propertiesOf(sub, `${path}/${name}`));
      }
    } else if (keyword === 'items' || keyword === 'not' || keyword === 'allOf') {
      found.push(...propertiesOf(value, `${path}/${keyword}`));
    } else if (Array.isArray(value)) {
      value.forEach((sub, index) => found.push(...propertiesOf(sub, `${path}/${index}`)));
    }
  }
  return found;
}

describe('the JSON Schemas', () => {
  it.each(SCHEMA_FILES)('%s is draft 2020-12 with an $id, a title and a description', (file) => {
    const schema = loadSchema(file);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toMatch(new RegExp(`/schemas/${file}$`));
    expect(schema['title']).toEqual(expect.any(String));
    expect(schema['description']).toEqual(expect.any(String));
  });

  it.each(SCHEMA_FILES)(
    '%s describes every field, for editor hover, and allows $schema',
    (file) => {
      const schema = loadSchema(file);
      const undescribed = propertiesOf(schema)
        .filter(([, property]) => typeof (property['description'] ?? property['$ref']) !== 'string')
        .map(([path]) => path);
      expect(undescribed).toEqual([]);
      expect((schema['properties'] as Record<string, Schema>)['$schema']).toMatchObject({
        type: 'string',
      });
    },
  );

  it('lists the platforms, roles and placements the exported constants list', () => {
    const properties = loadSchema('plugin-package.schema.json')['properties'] as Record<
      string,
      { items?: { enum: string[] }; properties?: Record<string, unknown> }
    >;
    expect(properties['platforms']?.items?.enum).toEqual(PLATFORMS);
    expect(properties['participantRoles']?.items?.enum).toEqual(PARTICIPANT_ROLES);
    expect(Object.keys(properties['menuItems']?.properties ?? {})).toEqual(MENU_PLACEMENTS);
  });
});

describe('compiling the schemas into validators', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  /** Copies the schemas, lets `change` edit the package file schema, and compiles the copy. */
  function compileChanged(change: (schema: Schema) => void): () => string {
    dir = mkdtempSync(join(tmpdir(), 'ipk-schemas-'));
    cpSync(new URL('.', SCHEMA_DIR), dir, { recursive: true });
    const schema = loadSchema('plugin-package.schema.json');
    change(schema);
    writeFileSync(join(dir, 'plugin-package.schema.json'), JSON.stringify(schema));
    return () => generateSchemaValidatorsSource(pathToFileURL(`${dir}/`));
  }

  it('compiles the published schemas, in Ajv strict mode', () => {
    expect(generateSchemaValidatorsSource(SCHEMA_DIR)).toContain('export const SCHEMA_VALIDATORS');
  });

  it('refuses a rule without the sentence a user would read', () => {
    const compile = compileChanged((schema) => {
      delete (schema['properties'] as Record<string, Schema>)['allowUnload']?.['errorMessage'];
    });
    expect(compile).toThrow('#/properties/allowUnload can fail');
  });

  it('refuses a required field without a requiredMessage', () => {
    const compile = compileChanged((schema) => {
      delete (schema['properties'] as Record<string, Schema>)['name']?.['requiredMessage'];
    });
    expect(compile).toThrow('required "name" needs a requiredMessage');
  });

  it('refuses a keyword Ajv does not know (strict mode), such as a misspelt one', () => {
    const compile = compileChanged((schema) => {
      (schema['properties'] as Record<string, Schema>)['name']!['minLenght'] = 1;
    });
    expect(compile).toThrow(/unknown keyword: "minLenght"/);
  });
});
