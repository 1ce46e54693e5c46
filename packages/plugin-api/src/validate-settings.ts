/**
 * Validates `settings.json` (seed: "Specifying your plugins in settings.json"). Errors come from
 * `schemas/settings.schema.json`, plus the one rule JSON Schema cannot state (unique ids). Only the
 * `plugins` block is checked: the rest of the file belongs to other webapp2 settings.
 */
import { IssueCollector } from './issue-collector.js';
import { isJsonObject } from './json-shape.js';
import type { PluginPackage, SettingsFile, SettingsPluginEntry } from './plugin-files.js';
import { checkAgainstSchema, declaredKeys } from './schema-check.js';
import { warnAboutUndeclaredKeys } from './undeclared-keys.js';
import type { ValidationIssue, ValidationResult } from './validation-issue.js';

/** Validates a parsed `settings.json`. */
export function validateSettings(
  value: unknown,
  file = 'settings.json',
): ValidationResult<SettingsFile> {
  const issues = new IssueCollector(file);
  checkAgainstSchema('settings', value, issues);
  if (!isJsonObject(value)) return issues.result(value);
  // Other keys are webapp2 settings; only a near miss of a declared key is worth a word.
  warnAboutUndeclaredKeys(
    value,
    '',
    declaredKeys('settings', '#'),
    issues,
    (key) => `"${key}" is not a key the plugin loader reads`,
    'misspellings',
  );
  const plugins = value['plugins'];
  if (!Array.isArray(plugins)) return issues.result(value);
  plugins.forEach((entry: unknown, index) => {
    if (!isJsonObject(entry)) return;
    warnAboutUndeclaredKeys(
      entry,
      `/plugins/${index}`,
      declaredKeys('settings', '#/$defs/plugin'),
      issues,
      (key) => `"${key}" is not a plugins entry field in the Pexip guide; webapp2 ignores it`,
    );
  });
  checkDuplicateIds(plugins, issues);
  return issues.result(value);
}

function checkDuplicateIds(plugins: unknown[], issues: IssueCollector): void {
  const firstIndexById = new Map<string, number>();
  plugins.forEach((entry: unknown, index) => {
    if (!isJsonObject(entry) || typeof entry['id'] !== 'string') return;
    const id = entry['id'];
    const first = firstIndexById.get(id);
    if (first === undefined) {
      firstIndexById.set(id, index);
      return;
    }
    // Seed: "A unique id that is used to reference the plugin".
    issues.error(
      `/plugins/${index}/id`,
      `duplicate plugin id "${id}" (also at /plugins/${first}/id): ids must be unique`,
    );
  });
}

/**
 * The cross-file check: a settings entry's id should equal its package file's id. The package id
 * is the one `registerPlugin` uses; webapp2 loads the plugin either way (change-layout ships
 * different ids), so a difference is a warning.
 */
export function compareSettingsEntryWithPackage(
  entry: SettingsPluginEntry,
  pkg: PluginPackage,
  file: string,
  entryPointer = '',
): ValidationIssue[] {
  if (entry.id === pkg.id) return [];
  return [
    {
      severity: 'warning',
      file,
      pointer: `${entryPointer}/id`,
      message: `settings id "${entry.id}" differs from the package file id "${pkg.id}" (${entry.srcURL}); registerPlugin uses "${pkg.id}"`,
    },
  ];
}
