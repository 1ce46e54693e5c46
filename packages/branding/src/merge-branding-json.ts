import { formatIssue, parseJson } from '@ipk/plugin-api';
import { isRecord } from '@ipk/plugin-probe';

/** One plugin's line in settings.json (seed: "Specifying your plugins in settings.json"). */
export interface SettingsPluginLine {
  id: string;
  srcURL: string;
  enabled: boolean;
}

/** A JSON file of the base package that cannot be merged into. */
export class BaseFileError extends Error {
  override name = 'BaseFileError';
}

/**
 * settings.json with our plugins added or replaced and everything else kept: every other key
 * (bandwidth, languages… set by the Branding Portal), every other plugin, and the order. An
 * existing entry is replaced when it has the same id or points at the same package file.
 */
export function mergeSettings(
  baseText: string | undefined,
  file: string,
  plugins: SettingsPluginLine[],
): string {
  const settings = baseText === undefined ? {} : parseObject(baseText, file);
  const existing = settings['plugins'];
  if (existing !== undefined && !Array.isArray(existing)) {
    throw new BaseFileError(
      `${file}: "plugins" is ${typeof existing}, not an array; fix it before merging`,
    );
  }
  const merged: unknown[] = [...(existing ?? [])];
  for (const plugin of plugins) {
    const index = merged.findIndex((entry) => isSamePlugin(entry, plugin));
    const line = { id: plugin.id, srcURL: plugin.srcURL, enabled: plugin.enabled };
    if (index === -1) merged.push(line);
    else merged[index] = line;
  }
  return `${JSON.stringify({ ...settings, plugins: merged }, null, 2)}\n`;
}

/**
 * manifest.json with a new brandingID and `isSettingsBranded: true` (seed: "Enabling application
 * branding in the manifest.json file"), every other key of the base kept. A new manifest holds only
 * these two keys, as in Pexip's developer guide, so no other branding flag is switched off.
 */
export function mergeManifest(
  baseText: string | undefined,
  file: string,
  brandingID: string,
): string {
  const manifest = baseText === undefined ? {} : parseObject(baseText, file);
  return `${JSON.stringify({ ...manifest, brandingID, isSettingsBranded: true }, null, 2)}\n`;
}

/** A top-level key of a JSON object's text; `undefined` when there is no text or it cannot be read. */
export function jsonFieldOf(text: string | undefined, file: string, key: string): unknown {
  if (text === undefined) return undefined;
  const value = parseJson(text, file).value;
  return isRecord(value) ? value[key] : undefined;
}

/** The brandingID a manifest text holds, if it is readable. */
export function brandingIdOf(manifestText: string | undefined): string | number | undefined {
  const id = jsonFieldOf(manifestText, 'manifest.json', 'brandingID');
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/**
 * The `plugins` list of a settings.json text, or `undefined` when it has none or the text cannot
 * be read. Parsed once, then asked about each plugin with `settingsEnabledOf`.
 */
export function settingsPluginsOf(
  settingsText: string | undefined,
): readonly unknown[] | undefined {
  const plugins = jsonFieldOf(settingsText, 'settings.json', 'plugins');
  return Array.isArray(plugins) ? (plugins as unknown[]) : undefined;
}

/**
 * The `enabled` a settings.json `plugins` list gives the plugin (matched as `mergeSettings`
 * matches it: by id or srcURL), or `undefined` when it does not list it or there is no list.
 */
export function settingsEnabledOf(
  settingsPlugins: readonly unknown[] | undefined,
  plugin: Pick<SettingsPluginLine, 'id' | 'srcURL'>,
): boolean | undefined {
  if (settingsPlugins === undefined) return undefined;
  const entry: unknown = settingsPlugins.find((candidate: unknown) =>
    isSamePlugin(candidate, plugin),
  );
  const enabled = isRecord(entry) ? entry['enabled'] : undefined;
  return typeof enabled === 'boolean' ? enabled : undefined;
}

function isSamePlugin(entry: unknown, plugin: Pick<SettingsPluginLine, 'id' | 'srcURL'>): boolean {
  return isRecord(entry) && (entry['id'] === plugin.id || entry['srcURL'] === plugin.srcURL);
}

function parseObject(text: string, file: string): Record<string, unknown> {
  const parsed = parseJson(text, file);
  if (!parsed.ok) {
    throw new BaseFileError(
      `cannot merge into the base package: ${parsed.issues.map(formatIssue).join('; ')}. Nothing was written.`,
    );
  }
  if (!isRecord(parsed.value)) {
    throw new BaseFileError(
      `cannot merge into the base package: ${file} is not a JSON object. Nothing was written.`,
    );
  }
  return parsed.value;
}
