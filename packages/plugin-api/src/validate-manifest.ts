/** Validates `manifest.json` (seed: "Enabling application branding in the manifest.json file"). */
import { IssueCollector } from './issue-collector.js';
import { describeJsonType, isJsonObject, schemaKeyProblem } from './json-shape.js';
import type { Manifest } from './plugin-files.js';
import type { ValidationResult } from './validation-issue.js';

const BRANDED_FLAGS = ['isSettingsBranded', 'isWatermarkBranded', 'isStylesBranded'];

/** Validates a parsed `manifest.json`. */
export function validateManifest(
  value: unknown,
  file = 'manifest.json',
): ValidationResult<Manifest> {
  const issues = new IssueCollector(file);
  if (!isJsonObject(value)) {
    issues.error('', `manifest.json must be a JSON object, found ${describeJsonType(value)}`);
    return issues.result(value);
  }
  checkBrandingId(value, issues);
  const schemaProblem = schemaKeyProblem(value);
  if (schemaProblem !== undefined) issues.error('/$schema', schemaProblem);
  for (const flag of BRANDED_FLAGS) {
    if (Object.hasOwn(value, flag) && typeof value[flag] !== 'boolean') {
      issues.error(
        `/${flag}`,
        `${flag} must be true or false, found ${describeJsonType(value[flag])}`,
      );
    }
  }
  if (!Object.hasOwn(value, 'isSettingsBranded')) {
    issues.error(
      '',
      'isSettingsBranded is required and must be true, or webapp2 ignores settings.json and its plugins',
    );
  } else if (value['isSettingsBranded'] === false) {
    issues.error(
      '/isSettingsBranded',
      'isSettingsBranded must be true, or webapp2 ignores settings.json and its plugins',
    );
  }
  return issues.result(value);
}

function checkBrandingId(manifest: Record<string, unknown>, issues: IssueCollector): void {
  if (!Object.hasOwn(manifest, 'brandingID')) {
    issues.error(
      '',
      'brandingID is required: a number (e.g. a timestamp) that changes with every upload',
    );
    return;
  }
  const id = manifest['brandingID'];
  if (typeof id === 'number') return;
  if (typeof id !== 'string' || id.trim() === '') {
    issues.error(
      '/brandingID',
      `brandingID must be a number or a numeric string such as "1521829718679", found ${describeJsonType(id)}`,
    );
    return;
  }
  if (!/^\d+(\.\d+)?$/.test(id)) {
    // Seed: "any type of numerical value is valid"; the apps only compare it with the last one.
    issues.warning(
      '/brandingID',
      `brandingID "${id}" is not numeric; the Pexip guide asks for a numerical value (e.g. a timestamp)`,
    );
  }
}
