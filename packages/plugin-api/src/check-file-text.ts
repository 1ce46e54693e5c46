/**
 * Text in, issues with `line:column` out: parse, validate with the one validator path, then
 * place each issue at its JSON pointer (or the nearest parent that has a position).
 */
import { parseLocatedJson, type TextPosition } from './parse-json.js';
import type { Manifest, PluginPackage, SettingsFile } from './plugin-files.js';
import type { PluginFileKind } from './schema-check.js';
import type { ValidationResult } from './validation-issue.js';
import { validateManifest } from './validate-manifest.js';
import { validatePluginPackage } from './validate-plugin-package.js';
import { validateSettings } from './validate-settings.js';

export type { PluginFileKind };

/** The three file kinds and their validators. */
export const FILE_VALIDATORS = {
  'plugin-package': validatePluginPackage,
  settings: validateSettings,
  manifest: validateManifest,
} as const satisfies Record<PluginFileKind, unknown>;

function positionOfPointer(
  positions: Map<string, TextPosition>,
  pointer: string,
): TextPosition | undefined {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const position = positions.get(current);
    if (position !== undefined || current === '') return position;
  }
}

/** Parses and validates `text` as a file of `kind`. */
export function checkFileText<T>(
  validate: (value: unknown, file: string) => ValidationResult<T>,
  text: string,
  file: string,
): ValidationResult<T> {
  const parsed = parseLocatedJson(text, file);
  if (parsed.value === undefined) return { ok: false, value: undefined, issues: parsed.issues };
  const { value, positions } = parsed.value;
  const result = validate(value, file);
  const issues = result.issues.map((issue) => ({
    ...issue,
    ...positionOfPointer(positions, issue.pointer),
  }));
  return { ...result, issues };
}

export const checkPluginPackageText = (
  text: string,
  file: string,
): ValidationResult<PluginPackage> => checkFileText(validatePluginPackage, text, file);

export const checkSettingsText = (text: string, file: string): ValidationResult<SettingsFile> =>
  checkFileText(validateSettings, text, file);

export const checkManifestText = (text: string, file: string): ValidationResult<Manifest> =>
  checkFileText(validateManifest, text, file);
