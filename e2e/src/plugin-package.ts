import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Role } from './host-page.js';
import { BRANDING_PLUGINS_ENV } from './paths.js';

/** webapp2's platforms (seed, package file `platforms`). */
export type Platform = 'web' | 'electron' | 'ios' | 'android';

/** A plugin in the branding package the suite built (global setup). */
export interface PackagedPlugin {
  readonly id: string;
  readonly name: string;
}

/** A spec's plugin is not in the branding under test: every test of that spec would time out. */
export class PluginNotPackagedError extends Error {
  override name = 'PluginNotPackagedError';
}

/** The facts of a plugin's package file that decide where it appears. */
export interface PluginPackageFacts {
  readonly id: string;
  readonly name: string;
  readonly platforms: readonly Platform[];
  readonly participantRoles: readonly Role[];
  readonly allowUnload: boolean;
}

function stringList(value: unknown, field: string, file: string): string[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new Error(`${file}: "${field}" must be a list of strings`);
  }
  return value;
}

/**
 * Reads a `*.plugin.package.json` (a plugin spec passes its own). In the suite's workers it also
 * checks that the plugin is in the branding package under test, so a plugin that was not packaged
 * fails its spec at once with the reason (`PluginNotPackagedError`) instead of a time-out on a
 * button that never appears.
 */
export function readPluginPackage(file: string | URL): PluginPackageFacts {
  const label = file instanceof URL ? fileURLToPath(file) : file;
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new Error(`${label}: not a JSON object`);
  const record = raw as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.name !== 'string') {
    throw new Error(`${label}: "id" and "name" must be strings`);
  }
  // What the global setup packaged; not set outside a run (e.g. `playwright test --list`).
  const packaged = process.env[BRANDING_PLUGINS_ENV];
  const plugin = { id: record.id, name: record.name };
  const missing =
    packaged && missingFromBranding(plugin, label, JSON.parse(packaged) as PackagedPlugin[]);
  if (missing) throw new PluginNotPackagedError(missing);
  return {
    id: record.id,
    name: record.name,
    platforms: stringList(record.platforms, 'platforms', label) as Platform[],
    participantRoles: stringList(record.participantRoles, 'participantRoles', label) as Role[],
    allowUnload: record.allowUnload === true,
  };
}

/** Why a plugin does not run on this platform, or `undefined` when it does. */
export function absenceReason(facts: PluginPackageFacts, platform: Platform): string | undefined {
  return facts.platforms.includes(platform)
    ? undefined
    : `${facts.name} is not enabled on ${platform} (package platforms: ${facts.platforms.join(', ')})`;
}

/** Why a spec's plugin cannot be tested: not in the branding under test; `undefined` when it is. */
export function missingFromBranding(
  plugin: PackagedPlugin,
  packageFile: string,
  packaged: readonly PackagedPlugin[],
): string | undefined {
  if (packaged.some((candidate) => candidate.id === plugin.id)) return undefined;
  const names = packaged.map((candidate) => `${candidate.name} (${candidate.id})`).join(', ');
  return (
    `${plugin.name} (id ${plugin.id}, ${packageFile}) is not in the branding package the suite built, ` +
    `so its tests cannot find it. Packaged: ${names || 'nothing'}. A plugin is packaged when it is a ` +
    `workspace under plugins/ whose package.json has "ipkPlugin": {"packageFile": …} and whose build ` +
    `wrote that package file with this id to dist/.`
  );
}
