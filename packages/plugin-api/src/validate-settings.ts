/**
 * Validates `settings.json` (seed: "Specifying your plugins in settings.json"). Only the `plugins`
 * block is checked: the rest of the file belongs to other webapp2 settings.
 */
import { IssueCollector } from './issue-collector.js';
import { describeJsonType, isJsonObject, schemaKeyProblem } from './json-shape.js';
import { escapePointerToken } from './parse-json.js';
import type { PluginPackage, SettingsFile, SettingsPluginEntry } from './plugin-files.js';
import type { ValidationIssue, ValidationResult } from './validation-issue.js';

const ENTRY_KEYS = ['id', 'srcURL', 'enabled'];
const REQUIRED_BECAUSE = {
  id: 'the id of the plugin, as in its package file',
  srcURL:
    'the path of the plugin package file, e.g. "plugins/recording/recording.plugin.package.json"',
};

/** Validates a parsed `settings.json`. */
export function validateSettings(
  value: unknown,
  file = 'settings.json',
): ValidationResult<SettingsFile> {
  const issues = new IssueCollector(file);
  if (!isJsonObject(value)) {
    issues.error('', `settings.json must be a JSON object, found ${describeJsonType(value)}`);
    return issues.result(value);
  }
  const schemaProblem = schemaKeyProblem(value);
  if (schemaProblem !== undefined) issues.error('/$schema', schemaProblem);
  if (!Object.hasOwn(value, 'plugins')) {
    issues.error(
      '',
      'plugins is required: the list of plugins the app offers ({id, srcURL, enabled} each)',
    );
    return issues.result(value);
  }
  const plugins = value['plugins'];
  if (!Array.isArray(plugins)) {
    issues.error(
      '/plugins',
      `plugins must be an array of {id, srcURL, enabled}, found ${describeJsonType(plugins)}`,
    );
    return issues.result(value);
  }
  plugins.forEach((entry: unknown, index) => checkEntry(entry, `/plugins/${index}`, issues));
  checkDuplicateIds(plugins, issues);
  return issues.result(value);
}

function checkEntry(entry: unknown, pointer: string, issues: IssueCollector): void {
  if (!isJsonObject(entry)) {
    issues.error(
      pointer,
      `a plugins entry must be an object {id, srcURL, enabled}, found ${describeJsonType(entry)}`,
    );
    return;
  }
  for (const key of ['id', 'srcURL'] as const) {
    if (!Object.hasOwn(entry, key)) {
      issues.error(pointer, `${key} is required (${REQUIRED_BECAUSE[key]})`);
      continue;
    }
    const field = entry[key];
    if (typeof field !== 'string' || field.trim() === '') {
      issues.error(
        `${pointer}/${key}`,
        `${key} must be a non-empty string, found ${describeJsonType(field)}`,
      );
    }
  }
  if (!Object.hasOwn(entry, 'enabled')) {
    issues.error(pointer, 'enabled is required (true: loaded by default)');
  } else if (typeof entry['enabled'] !== 'boolean') {
    issues.error(
      `${pointer}/enabled`,
      `enabled must be true or false, found ${describeJsonType(entry['enabled'])}`,
    );
  }
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.includes(key)) {
      issues.warning(
        `${pointer}/${escapePointerToken(key)}`,
        `"${key}" is not a plugins entry field in the Pexip guide; webapp2 ignores it`,
      );
    }
  }
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
