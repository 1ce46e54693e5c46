import {
  checkManifestText,
  checkPluginPackageText,
  checkSettingsText,
  compareSettingsEntryWithPackage,
  formatIssue,
  type ValidationIssue,
} from '@ipk/plugin-api';
import type { PluginEntrySource } from './plugin-package.js';

/** What loading the branding found: the plugins in settings order, and file-level faults. */
export interface BrandingPlugins {
  readonly plugins: readonly PluginEntrySource[];
  /** Faults of manifest.json or settings.json (each names the file): shown as notices. */
  readonly problems: readonly string[];
}

export type TextFetcher = (url: string) => Promise<{ ok: boolean; status: number; text: string }>;

export function fetchText(fetchImpl: typeof fetch): TextFetcher {
  return async (url) => {
    const response = await fetchImpl(url, { credentials: 'same-origin', cache: 'no-cache' });
    return { ok: response.ok, status: response.status, text: await response.text() };
  };
}

function issuesOf(
  issues: readonly ValidationIssue[],
  severity: ValidationIssue['severity'],
): string[] {
  return issues.filter((issue) => issue.severity === severity).map(formatIssue);
}

async function readFile(
  fetcher: TextFetcher,
  url: string,
): Promise<{ text: string } | { problem: string }> {
  try {
    const answer = await fetcher(url);
    if (!answer.ok) return { problem: `${url}: HTTP ${answer.status}` };
    return { text: answer.text };
  } catch (error) {
    return { problem: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The seed's loading rules ("Deploying your plugins"): `manifest.json` must say
 * `isSettingsBranded: true`; `settings.json` `plugins` lists `{id, srcURL, enabled}` with
 * `srcURL` relative to the branding root; each package file is validated with
 * `@ipk/plugin-api`. A bad file is reported with its name and fault and the rest still loads.
 */
export async function loadBrandingPlugins(
  brandingUrl: string,
  fetcher: TextFetcher,
): Promise<BrandingPlugins> {
  const problems: string[] = [];
  const noPlugins = (...more: string[]): BrandingPlugins => ({
    plugins: [],
    problems: [...problems, ...more],
  });
  const manifestUrl = new URL('manifest.json', brandingUrl).href;
  const manifestFile = await readFile(fetcher, manifestUrl);
  if ('problem' in manifestFile) {
    return noPlugins(`${manifestFile.problem} (no branding: no plugins)`);
  }
  const manifest = checkManifestText(manifestFile.text, 'manifest.json');
  problems.push(...issuesOf(manifest.issues, 'error'));
  if (!manifest.ok || manifest.value?.isSettingsBranded !== true) {
    return noPlugins(
      'manifest.json: isSettingsBranded is not true, so settings.json and its plugins are ignored (seed rule).',
    );
  }
  const settingsUrl = new URL('settings.json', brandingUrl).href;
  const settingsFile = await readFile(fetcher, settingsUrl);
  if ('problem' in settingsFile) return noPlugins(settingsFile.problem);
  const settings = checkSettingsText(settingsFile.text, 'settings.json');
  problems.push(...issuesOf(settings.issues, 'error'));
  if (!settings.value) return noPlugins();
  const plugins = await Promise.all(
    settings.value.plugins.map(async (entry, index) => {
      const packageUrl = new URL(entry.srcURL, brandingUrl).href;
      const source = await loadPackage(fetcher, packageUrl, entry.srcURL);
      const warnings = source.pkg
        ? issuesOf(
            compareSettingsEntryWithPackage(
              entry,
              source.pkg,
              'settings.json',
              `/plugins/${index}`,
            ),
            'warning',
          )
        : [];
      return {
        settingsId: entry.id,
        enabledByDefault: entry.enabled,
        packageUrl,
        pkg: source.pkg,
        warnings: [...source.warnings, ...warnings],
        ...(source.invalidReason === undefined ? {} : { invalidReason: source.invalidReason }),
      } satisfies PluginEntrySource;
    }),
  );
  return { plugins, problems };
}

async function loadPackage(
  fetcher: TextFetcher,
  url: string,
  file: string,
): Promise<Pick<PluginEntrySource, 'pkg' | 'warnings' | 'invalidReason'>> {
  const packageFile = await readFile(fetcher, url);
  if ('problem' in packageFile)
    return { pkg: null, warnings: [], invalidReason: packageFile.problem };
  const checked = checkPluginPackageText(packageFile.text, file);
  if (!checked.ok || !checked.value) {
    return { pkg: null, warnings: [], invalidReason: issuesOf(checked.issues, 'error').join('\n') };
  }
  return { pkg: checked.value, warnings: issuesOf(checked.issues, 'warning') };
}
