import {
  checkManifestText,
  checkSettingsText,
  compareSettingsEntryWithPackage,
  type BeyondTheGuideFinding,
  type ValidationIssue,
} from '@ipk/plugin-api';
import {
  checkPlugin,
  isRecord,
  issueAt,
  locateJson,
  type LocatedFile,
  type ProbeOptions,
  resolvePackageUrl,
} from '@ipk/plugin-probe';
import { brandingIdAsBigInt } from './branding-id.js';
import { textAt } from './file-tree-io.js';
import type { FileTree } from './zip-archive.js';

/** A previous upload's brandingID, and where it was read. */
export interface PreviousBrandingId {
  id: string;
  source: string;
}

export interface CheckOptions {
  /** The brandingID of the package uploaded before this one: this one's must differ. */
  previous?: PreviousBrandingId[];
  /** Time and memory limits for running each plugin in the probe host (`@ipk/plugin-probe`). */
  probe?: Omit<ProbeOptions, 'menuItems'>;
  /** Paths the ZIP holds more than one entry for (`readZip`): each is an error. */
  zipDuplicates?: readonly string[];
}

/** What the check learnt about one plugin listed in settings.json. */
export interface CheckedPlugin {
  settingsId: string;
  /** The package file's id, when it could be read. */
  id?: string;
  packageFile: string;
  sourceFile?: string;
  /** Function-valued keys passed to registerPlugin under the package id. */
  registeredFunctions: string[];
  /** Every menu item action in the package file. */
  menuActions: string[];
  /** What the plugin used beyond the plugin guide, found by running it in the probe host. */
  beyondTheGuide: BeyondTheGuideFinding[];
}

export interface CheckReport {
  /** No errors (warnings allowed). */
  ok: boolean;
  errorCount: number;
  warningCount: number;
  brandingID?: string;
  plugins: CheckedPlugin[];
  issues: ValidationIssue[];
}

/**
 * Checks a branding package in memory against every mistake in the seed's troubleshooting section,
 * the rules of `@ipk/plugin-api`, and what this host or webapp2 would stumble on: each plugin goes
 * through `@ipk/plugin-probe`'s `checkPlugin`, the check the plugin build runs too. `prefix` is
 * `'webapp2/'` or `''` (see BrandingSource).
 */
export async function checkBrandingFiles(
  files: FileTree,
  prefix: string,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const issues: ValidationIssue[] = (options.zipDuplicates ?? []).map((path) =>
    error(
      path,
      '',
      'the ZIP holds more than one entry for this path: unzip tools keep one of them, and which one ' +
        'is not defined (this check read the last). Rebuild the ZIP with one entry per path.',
    ),
  );
  const brandingID = checkManifest(files, prefix, options.previous ?? [], issues);
  const plugins = await checkSettingsAndPlugins(files, prefix, options, issues);
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;
  return {
    ok: errorCount === 0,
    errorCount,
    warningCount: issues.length - errorCount,
    ...(brandingID === undefined ? {} : { brandingID }),
    plugins,
    issues,
  };
}

function checkManifest(
  files: FileTree,
  prefix: string,
  previous: PreviousBrandingId[],
  issues: ValidationIssue[],
): string | undefined {
  const file = `${prefix}manifest.json`;
  const text = requiredText(
    files,
    file,
    issues,
    'missing. Without a manifest.json whose isSettingsBranded is true the apps ignore settings.json and every plugin ' +
      '(the Management Node download has none); "ipk-branding build --base <zip>" writes one.',
  );
  if (text === undefined) return undefined;
  issues.push(...checkManifestText(text, file).issues);
  const located = locateJson(text, file);
  const value = located?.value;
  if (!isRecord(value)) return undefined;
  const id = value['brandingID'];
  const brandingID = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  if (brandingID === undefined) return undefined;
  for (const before of previous) {
    if (sameBrandingId(brandingID, before.id)) {
      issues.push(
        issueAt(
          located,
          error(
            file,
            '/brandingID',
            `brandingID ${brandingID} is the same as in ${before.source}: the apps would keep their cached branding ` +
              'and never load this package. Build again for a new brandingID.',
          ),
        ),
      );
    }
  }
  return brandingID;
}

function sameBrandingId(a: string, b: string): boolean {
  const numericA = brandingIdAsBigInt(a);
  const numericB = brandingIdAsBigInt(b);
  return numericA !== undefined && numericB !== undefined
    ? numericA === numericB
    : a.trim() === b.trim();
}

async function checkSettingsAndPlugins(
  files: FileTree,
  prefix: string,
  options: CheckOptions,
  issues: ValidationIssue[],
): Promise<CheckedPlugin[]> {
  const file = `${prefix}settings.json`;
  const text = requiredText(
    files,
    file,
    issues,
    'missing: settings.json lists the plugins the app offers (the Management Node download has none)',
  );
  if (text === undefined) return [];
  issues.push(...checkSettingsText(text, file).issues);
  const settings = locateJson(text, file);
  const entries = settings && isRecord(settings.value) ? settings.value['plugins'] : undefined;
  if (!settings || !Array.isArray(entries)) return [];
  const plugins: CheckedPlugin[] = [];
  const packageIdOwners = new Map<string, string>();
  for (const [index, entry] of (entries as unknown[]).entries()) {
    if (!isRecord(entry) || typeof entry['srcURL'] !== 'string' || typeof entry['id'] !== 'string')
      continue;
    const checked = await checkListedPlugin(
      files,
      prefix,
      settings,
      entry,
      `/plugins/${index}`,
      options,
      issues,
    );
    if (!checked) continue;
    plugins.push(checked);
    if (checked.id === undefined) continue;
    const owner = packageIdOwners.get(checked.id);
    if (owner !== undefined && owner !== checked.packageFile) {
      issues.push(
        error(
          checked.packageFile,
          '/id',
          `duplicate plugin id "${checked.id}": ${owner} has it too, and registerPlugin can hold only one plugin per id`,
        ),
      );
    } else {
      packageIdOwners.set(checked.id, checked.packageFile);
    }
  }
  return plugins;
}

/** One settings.json entry: its srcURL, then the plugin it names, by the one plugin check. */
async function checkListedPlugin(
  files: FileTree,
  prefix: string,
  settings: LocatedFile,
  entry: Record<string, unknown>,
  entryPointer: string,
  options: CheckOptions,
  issues: ValidationIssue[],
): Promise<CheckedPlugin | undefined> {
  const srcURL = entry['srcURL'] as string;
  const settingsId = entry['id'] as string;
  if (/^https?:\/\//i.test(srcURL)) {
    issues.push(
      issueAt(settings, {
        severity: 'warning',
        file: settings.file,
        pointer: `${entryPointer}/srcURL`,
        message: `srcURL "${srcURL}" is on another server: not checked (the check never uses the network)`,
      }),
    );
    return undefined;
  }
  // A srcURL is relative to the branding root, and must stay inside it.
  const packageFile = resolvePackageUrl(prefix, prefix, srcURL);
  if (packageFile === undefined || !files.has(packageFile)) {
    issues.push(
      issueAt(
        settings,
        error(
          settings.file,
          `${entryPointer}/srcURL`,
          packageFile === undefined
            ? `srcURL "${srcURL}" points outside the branding package`
            : `srcURL "${srcURL}" does not resolve: there is no ${packageFile} in the package`,
        ),
      ),
    );
    return undefined;
  }
  const check = await checkPlugin({
    files,
    packageFile,
    brandingRoot: prefix,
    mode: 'package',
    ...(options.probe ? { probe: options.probe } : {}),
  });
  issues.push(...check.issues);
  if (check.package) {
    const comparison = compareSettingsEntryWithPackage(
      { id: settingsId, srcURL, enabled: entry['enabled'] === true },
      check.package,
      settings.file,
      entryPointer,
    );
    issues.push(...comparison.map((issue) => issueAt(settings, issue)));
  }
  return {
    settingsId,
    ...(check.packageId === undefined ? {} : { id: check.packageId }),
    packageFile,
    ...(check.sourceFile === undefined ? {} : { sourceFile: check.sourceFile }),
    registeredFunctions: check.registeredFunctions,
    menuActions: check.menuActions,
    beyondTheGuide: check.beyondTheGuide,
  };
}

/** The file's text; when the package has no such file, an error saying why it is needed. */
function requiredText(
  files: FileTree,
  file: string,
  issues: ValidationIssue[],
  missing: string,
): string | undefined {
  const text = textAt(files, file);
  if (text === undefined) issues.push(error(file, '', missing));
  return text;
}

function error(file: string, pointer: string, message: string): ValidationIssue {
  return { severity: 'error', file, pointer, message };
}
