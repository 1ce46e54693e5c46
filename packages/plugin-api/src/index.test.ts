import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as pluginApi from './index.js';

const RUNTIME_SOURCES = [
  ...readdirSync(new URL('.', import.meta.url)).filter(
    (name) => name.endsWith('.ts') && !name.includes('.test') && !name.endsWith('.d.ts'),
  ),
  'generated/schema-validators.ts',
];

describe('@ipk/plugin-api', () => {
  it('names its runtime surface in index.ts', () => {
    expect(Object.keys(pluginApi).sort()).toEqual(
      [
        'ACTIONS',
        'BEYOND_THE_GUIDE',
        'DOCUMENTED_PEX_MEMBERS',
        'SOURCE_TEXT',
        'findBeyondTheGuide',
        'formatBeyondTheGuide',
        'pluginUsesInSource',
        'FILE_VALIDATORS',
        'MENU_PLACEMENTS',
        'PARTICIPANT_ROLES',
        'PLATFORMS',
        'WEBAPP2_ACTION_TYPES',
        'WEBAPP2_SPRITE_FILES',
        'checkFileText',
        'checkManifestText',
        'checkPluginPackageText',
        'checkSettingsText',
        'compareSettingsEntryWithPackage',
        'escapePointerToken',
        'formatIssue',
        'isWebapp2SpriteIcon',
        'parseJson',
        'parseLocatedJson',
        'parseMenuIcon',
        'sendNodeRequest',
        'validateManifest',
        'validatePluginPackage',
        'validateSettings',
      ].sort(),
    );
  });

  it.each(RUNTIME_SOURCES)(
    '%s runs in a browser: it imports no Node module and nothing at runtime but its own files',
    (name) => {
      const source = readFileSync(new URL(name, import.meta.url), 'utf8');
      const runtimeImports = [
        ...source.matchAll(/^(?:import|export)(?! type)[^;]*?from '([^']+)'/gm),
      ].map((match) => match[1]);
      for (const specifier of runtimeImports) {
        expect(specifier).toMatch(/^\.\/(generated\/)?[a-z-]+\.js$/);
      }
      expect(source).not.toMatch(/\brequire\(|from 'node:|process\.|Buffer\b/);
    },
  );
});
