import {
  checkManifestText,
  checkPluginPackageText,
  checkSettingsText,
  compareSettingsEntryWithPackage,
  escapePointerToken,
  isWebapp2SpriteIcon,
  parseLocatedJson,
  parseMenuIcon,
  type TextPosition,
  type ValidationIssue,
} from '@ipk/plugin-api';
import {
  recordPluginRegistrations,
  type RecordedRegistration,
  type SourceFailure,
} from '@ipk/plugin-probe';
import { posix } from 'node:path';
import { brandingIdAsBigInt } from './branding-id.js';
import type { FileTree } from './zip-archive.js';

/** A previous upload's brandingID, and where it was read. */
export interface PreviousBrandingId {
  id: string;
  source: string;
}

export interface CheckOptions {
  /** The brandingID of the package uploaded before this one: this one's must differ. */
  previous?: PreviousBrandingId[];
  /** Time limit for evaluating each plugin source. Default 2000 ms. */
  sourceTimeoutMs?: number;
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

type Positions = Map<string, TextPosition>;

/** Parsed text with the place of every JSON pointer, for issues of our own. */
interface LocatedFile {
  file: string;
  value: unknown;
  positions: Positions;
}

/**
 * Checks a branding package in memory against every mistake in the seed's troubleshooting section
 * and the rules of `@ipk/plugin-api`. `prefix` is `'webapp2/'` or `''` (see BrandingSource).
 */
export function checkBrandingFiles(
  files: FileTree,
  prefix: string,
  options: CheckOptions = {},
): CheckReport {
  const issues: ValidationIssue[] = [];
  const brandingID = checkManifest(files, prefix, options.previous ?? [], issues);
  const plugins = checkSettingsAndPlugins(files, prefix, options, issues);
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
  const text = readText(files, file);
  if (text === undefined) {
    issues.push(
      error(
        file,
        '',
        'missing. Without a manifest.json whose isSettingsBranded is true the apps ignore settings.json and every plugin ' +
          '(the Management Node download has none); "ipk-branding build --base <zip>" writes one.',
      ),
    );
    return undefined;
  }
  const result = checkManifestText(text, file);
  issues.push(...result.issues);
  const located = locate(text, file);
  const value = located?.value;
  if (!isObject(value)) return undefined;
  const id = value['brandingID'];
  const brandingID = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  if (brandingID === undefined) return undefined;
  for (const before of previous) {
    if (sameBrandingId(brandingID, before.id)) {
      issues.push(
        at(
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

function checkSettingsAndPlugins(
  files: FileTree,
  prefix: string,
  options: CheckOptions,
  issues: ValidationIssue[],
): CheckedPlugin[] {
  const file = `${prefix}settings.json`;
  const text = readText(files, file);
  if (text === undefined) {
    issues.push(
      error(
        file,
        '',
        'missing: settings.json lists the plugins the app offers (the Management Node download has none)',
      ),
    );
    return [];
  }
  issues.push(...checkSettingsText(text, file).issues);
  const settings = locate(text, file);
  const entries = settings && isObject(settings.value) ? settings.value['plugins'] : undefined;
  if (!settings || !Array.isArray(entries)) return [];
  const plugins: CheckedPlugin[] = [];
  const packageIdOwners = new Map<string, string>();
  entries.forEach((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry['srcURL'] !== 'string' || typeof entry['id'] !== 'string')
      return;
    const checked = checkPlugin(
      files,
      prefix,
      settings,
      entry,
      `/plugins/${index}`,
      options,
      issues,
    );
    if (!checked) return;
    plugins.push(checked);
    if (checked.id === undefined) return;
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
  });
  return plugins;
}

function checkPlugin(
  files: FileTree,
  prefix: string,
  settings: LocatedFile,
  entry: Record<string, unknown>,
  entryPointer: string,
  options: CheckOptions,
  issues: ValidationIssue[],
): CheckedPlugin | undefined {
  const srcURL = entry['srcURL'] as string;
  const settingsId = entry['id'] as string;
  if (/^https?:\/\//i.test(srcURL)) {
    issues.push(
      at(settings, {
        severity: 'warning',
        file: settings.file,
        pointer: `${entryPointer}/srcURL`,
        message: `srcURL "${srcURL}" is on another server: not checked (the check never uses the network)`,
      }),
    );
    return undefined;
  }
  const packageFile = resolveInPackage(prefix, '', srcURL);
  const missing = packageFile === undefined || !files.has(packageFile);
  if (missing) {
    issues.push(
      at(
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
  const text = readText(files, packageFile) ?? '';
  const result = checkPluginPackageText(text, packageFile);
  issues.push(...result.issues);
  const located = locate(text, packageFile);
  const pkg = located && isObject(located.value) ? located.value : undefined;
  const checked: CheckedPlugin = {
    settingsId,
    packageFile,
    registeredFunctions: [],
    menuActions: [],
  };
  if (!pkg || !located) return checked;
  if (typeof pkg['id'] === 'string') checked.id = pkg['id'];
  if (result.ok && result.value) {
    const comparison = compareSettingsEntryWithPackage(
      { id: settingsId, srcURL, enabled: entry['enabled'] === true },
      result.value,
      settings.file,
      entryPointer,
    );
    issues.push(...comparison.map((issue) => at(settings, issue)));
  }
  const menuItems = listMenuItems(pkg);
  checked.menuActions = menuItems
    .map((item) => item.action)
    .filter((action): action is string => action !== undefined);
  checkIcons(files, packageFile, located, menuItems, issues);
  checkSource(files, packageFile, located, pkg, menuItems, checked, options, issues);
  return checked;
}

interface MenuItemFacts {
  pointer: string;
  action?: string;
  icon?: string;
}

function listMenuItems(pkg: Record<string, unknown>): MenuItemFacts[] {
  const menuItems = pkg['menuItems'];
  if (!isObject(menuItems)) return [];
  const found: MenuItemFacts[] = [];
  for (const [placement, items] of Object.entries(menuItems)) {
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      if (!isObject(item)) return;
      const facts: MenuItemFacts = {
        pointer: `/menuItems/${escapePointerToken(placement)}/${index}`,
      };
      if (typeof item['action'] === 'string') facts.action = item['action'];
      if (typeof item['icon'] === 'string') facts.icon = item['icon'];
      found.push(facts);
    });
  }
  return found;
}

function checkIcons(
  files: FileTree,
  packageFile: string,
  located: LocatedFile,
  menuItems: MenuItemFacts[],
  issues: ValidationIssue[],
): void {
  for (const item of menuItems) {
    if (item.icon === undefined) continue;
    const reference = parseMenuIcon(item.icon);
    // A malformed reference is the plugin-api validator's error; a bare sprite name is webapp2's own icon.
    if (
      !reference ||
      (isWebapp2SpriteIcon(reference) && !files.has(siblingPath(packageFile, reference.file)))
    )
      continue;
    const svgPath = resolveInPackage('', posix.dirname(packageFile), reference.file);
    const pointer = `${item.pointer}/icon`;
    const svg = svgPath === undefined ? undefined : readText(files, svgPath);
    if (svg === undefined) {
      issues.push(
        at(
          located,
          error(
            packageFile,
            pointer,
            `icon "${item.icon}": there is no ${svgPath ?? reference.file} in the package`,
          ),
        ),
      );
      continue;
    }
    if (!svgHasId(svg, reference.fragment)) {
      // Seed, "Menu item icons": "you must include an id field in the source of the SVG, and also reference this id".
      issues.push(
        at(
          located,
          error(
            packageFile,
            pointer,
            `icon "${item.icon}": ${svgPath} has no element with id="${reference.fragment}"`,
          ),
        ),
      );
    }
  }
}

function checkSource(
  files: FileTree,
  packageFile: string,
  located: LocatedFile,
  pkg: Record<string, unknown>,
  menuItems: MenuItemFacts[],
  checked: CheckedPlugin,
  options: CheckOptions,
  issues: ValidationIssue[],
): void {
  const srcURL = pkg['srcURL'];
  if (typeof srcURL !== 'string' || srcURL.trim() === '') return;
  const sourceFile = resolveInPackage('', posix.dirname(packageFile), srcURL);
  const source = sourceFile === undefined ? undefined : readText(files, sourceFile);
  if (sourceFile === undefined || source === undefined) {
    issues.push(
      at(
        located,
        error(
          packageFile,
          '/srcURL',
          `srcURL "${srcURL}" does not resolve: there is no ${sourceFile ?? srcURL} in the package`,
        ),
      ),
    );
    return;
  }
  checked.sourceFile = sourceFile;
  const recording = recordPluginRegistrations(
    source,
    sourceFile,
    options.sourceTimeoutMs === undefined ? {} : { timeoutMs: options.sourceTimeoutMs },
  );
  const registered = findRegistration(recording.registrations, checked.id);
  if (recording.failure) {
    issues.push(sourceFailureIssue(recording.failure, sourceFile, registered !== undefined));
  }
  if (recording.registrations.length === 0) {
    if (!recording.failure) {
      issues.push(
        error(
          sourceFile,
          '',
          'never calls PEX.pluginAPI.registerPlugin, so webapp2 cannot attach the menu items or call load',
        ),
      );
    }
    return;
  }
  if (!registered) {
    const ids = recording.registrations
      .map((registration) => JSON.stringify(registration.id))
      .join(', ');
    issues.push(
      at(
        located,
        error(
          packageFile,
          '/id',
          `the source registers ${ids} but the package file's id is ${JSON.stringify(checked.id)}: ` +
            'webapp2 matches them by id, so the plugin would never load. Make them equal.',
        ),
      ),
    );
    return;
  }
  checked.registeredFunctions = registered.functionKeys;
  checkLifecycle(registered, sourceFile, issues);
  checkMenuActions(menuItems, registered, packageFile, located, issues);
}

/** Seed: a menu item's action "calls function <name> in the source file", so it must be a registered function. */
function checkMenuActions(
  menuItems: MenuItemFacts[],
  registered: RecordedRegistration,
  packageFile: string,
  located: LocatedFile,
  issues: ValidationIssue[],
): void {
  for (const item of menuItems) {
    if (item.action === undefined || registered.functionKeys.includes(item.action)) continue;
    const entry = registered.keys.find((key) => key.key === item.action);
    const found = entry
      ? `registered as a ${entry.type}, not a function`
      : 'not passed to registerPlugin';
    issues.push(
      at(
        located,
        error(
          packageFile,
          `${item.pointer}/action`,
          `action "${item.action}" is ${found} (registered functions: ${registered.functionKeys.join(', ') || 'none'})`,
        ),
      ),
    );
  }
}

/** A failed evaluation as an issue at the source's line. */
function sourceFailureIssue(
  failure: SourceFailure,
  sourceFile: string,
  registered: boolean,
): ValidationIssue {
  const position =
    'line' in failure && failure.line !== undefined
      ? { line: failure.line, ...(failure.column === undefined ? {} : { column: failure.column }) }
      : {};
  const what = {
    syntax: 'cannot be parsed',
    timeout: 'was stopped',
    threw: 'throws while loading',
  }[failure.kind];
  // A throw after registerPlugin leaves the plugin registered in webapp2 too; before it, nothing loads.
  const severity = failure.kind === 'threw' && registered ? 'warning' : 'error';
  return {
    severity,
    file: sourceFile,
    pointer: '',
    message: `${what}: ${failure.message}`,
    ...position,
  };
}

function findRegistration(
  registrations: RecordedRegistration[],
  id: string | undefined,
): RecordedRegistration | undefined {
  return registrations.find((registration) => registration.id !== null && registration.id === id);
}

/** Seed, "Plugin source file": load and unload are among the functions "you must include". */
function checkLifecycle(
  registered: RecordedRegistration,
  sourceFile: string,
  issues: ValidationIssue[],
): void {
  for (const key of ['load', 'unload']) {
    if (!registered.functionKeys.includes(key)) {
      issues.push({
        severity: 'warning',
        file: sourceFile,
        pointer: '',
        message: `registerPlugin is given no ${key} function (the Pexip guide lists load and unload as required)`,
      });
    }
  }
}

/**
 * A relative URL resolved against a folder of the package, as a browser would; `undefined` when it
 * is absolute (another origin, `/…`) or climbs out of the package.
 */
function resolveInPackage(prefix: string, baseDir: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return undefined;
  const withoutQuery = url.split(/[?#]/)[0] ?? '';
  const joined = posix.normalize(
    posix.join(prefix, baseDir === '.' ? '' : baseDir, decodeUriSafely(withoutQuery)),
  );
  if (joined.startsWith('..') || joined.startsWith('/')) return undefined;
  if (prefix !== '' && !joined.startsWith(prefix)) return undefined;
  return joined;
}

function siblingPath(packageFile: string, file: string): string {
  return posix.join(posix.dirname(packageFile), file);
}

function decodeUriSafely(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function svgHasId(svg: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\sid\\s*=\\s*(["'])${escaped}\\1`).test(svg);
}

function readText(files: FileTree, path: string): string | undefined {
  const content = files.get(path);
  return content === undefined ? undefined : new TextDecoder().decode(content);
}

function locate(text: string, file: string): LocatedFile | undefined {
  const parsed = parseLocatedJson(text, file);
  return parsed.value === undefined
    ? undefined
    : { file, value: parsed.value.value, positions: parsed.value.positions };
}

/** The issue with the line and column of its pointer (or the nearest parent that has one). */
function at(located: LocatedFile | undefined, issue: ValidationIssue): ValidationIssue {
  if (!located || issue.line !== undefined) return issue;
  for (let pointer = issue.pointer; ; pointer = pointer.slice(0, pointer.lastIndexOf('/'))) {
    const position = located.positions.get(pointer);
    if (position) return { ...issue, line: position.line, column: position.column };
    if (pointer === '') return issue;
  }
}

function error(file: string, pointer: string, message: string): ValidationIssue {
  return { severity: 'error', file, pointer, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
