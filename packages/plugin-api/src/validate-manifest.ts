/**
 * Validates `manifest.json` (seed: "Enabling application branding in the manifest.json file").
 * Errors come from `schemas/manifest.schema.json`; the warnings are below.
 */
import { IssueCollector } from './issue-collector.js';
import { isJsonObject } from './json-shape.js';
import type { Manifest } from './plugin-files.js';
import { checkAgainstSchema, declaredKeys } from './schema-check.js';
import { warnAboutUndeclaredKeys } from './undeclared-keys.js';
import type { ValidationResult } from './validation-issue.js';

/** Validates a parsed `manifest.json`. */
export function validateManifest(
  value: unknown,
  file = 'manifest.json',
): ValidationResult<Manifest> {
  const issues = new IssueCollector(file);
  checkAgainstSchema('manifest', value, issues);
  if (!isJsonObject(value)) return issues.result(value);
  const id = value['brandingID'];
  if (typeof id === 'string' && id.trim() !== '' && !/^\d+(\.\d+)?$/.test(id)) {
    // Seed: "any type of numerical value is valid"; the apps only compare it with the last one.
    issues.warning(
      '/brandingID',
      `brandingID "${id}" is not numeric; the Pexip guide asks for a numerical value (e.g. a timestamp)`,
    );
  }
  // The branding portal writes other keys (isAudioBranded...); only a near miss is worth a word.
  warnAboutUndeclaredKeys(
    value,
    '',
    declaredKeys('manifest', '#'),
    issues,
    (key) => `"${key}" is not a manifest key webapp2 reads`,
    'misspellings',
  );
  return issues.result(value);
}
