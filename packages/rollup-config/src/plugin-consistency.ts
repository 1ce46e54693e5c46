import { ICON_FOLDER, parseIconReference, type IconFile } from './icon-files.js';
import { isRecord } from './plugin-layout.js';
import type { RegistrationProbe } from './registration-probe.js';

/** The facts of a webapp2 package file that must agree with the bundle and the icons. */
export interface PackageFacts {
  readonly id: unknown;
  readonly srcURL: unknown;
  readonly menuItems: readonly MenuItemFacts[];
}

export interface MenuItemFacts {
  /** JSON pointer of the item in the package file, for messages: `/menuItems/toolbar/0`. */
  readonly pointer: string;
  readonly action: unknown;
  readonly icon: unknown;
}

export interface ConsistencyInput {
  readonly packageFileName: string;
  readonly bundleFileName: string;
  readonly packageFacts: PackageFacts;
  readonly probe: RegistrationProbe;
  readonly icons: readonly IconFile[];
  /** `assets/…svg#id` string literals found in the bundle (icons set at run time through `state$`). */
  readonly iconReferencesInBundle: readonly string[];
}

export interface ConsistencyReport {
  /** Each one fails the build: the plugin would not load, or would show a broken item. */
  readonly errors: readonly string[];
  /** Printed, not fatal. */
  readonly warnings: readonly string[];
}

const LIFECYCLE = new Set(['load', 'unload']);

/** Reads the facts out of a package file that has already passed `checkPluginPackageText`. */
export function packageFactsFrom(packageFile: unknown): PackageFacts {
  const record = isRecord(packageFile) ? packageFile : {};
  const menuItems: MenuItemFacts[] = [];
  const placements = isRecord(record['menuItems']) ? record['menuItems'] : {};
  for (const [placement, items] of Object.entries(placements)) {
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const entry = isRecord(item) ? item : {};
      menuItems.push({
        pointer: `/menuItems/${placement}/${index}`,
        action: entry['action'],
        icon: entry['icon'],
      });
    });
  }
  return { id: record['id'], srcURL: record['srcURL'], menuItems };
}

/**
 * The checks Pexip's plugin guide implies but nothing in webapp2 reports clearly: the package file's
 * `id` is the one `registerPlugin` must use ("Plugin package file"), each `action` names a function of
 * the registered object ("menuItems"), and each `file.svg#id` icon needs that id in that SVG ("Menu
 * item icons"). A mismatch shows up in the real app as a silently missing plugin or button.
 */
export function checkPluginConsistency(input: ConsistencyInput): ConsistencyReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  checkSrcUrl(input, errors);
  const registeredFunctions = checkRegistration(input, errors, warnings);
  if (registeredFunctions) checkActions(input, registeredFunctions, errors, warnings);
  checkIcons(input, errors, warnings);
  return { errors, warnings };
}

function checkSrcUrl(input: ConsistencyInput, errors: string[]): void {
  const { srcURL } = input.packageFacts;
  if (srcURL !== input.bundleFileName) {
    errors.push(
      `${input.packageFileName} /srcURL is ${JSON.stringify(srcURL)} but the bundle is written to ` +
        `"${input.bundleFileName}": set "srcURL": "${input.bundleFileName}".`,
    );
  }
}

/**
 * Lit keeps a few registries on the window on purpose, so that several copies of Lit on one page
 * (two plugins bundling `@ipk/dialogs`) see each other: `litHtmlVersions` & co. only record
 * versions, `litPropertyMetadata` is shared decorator metadata. They are not the plugin's own state.
 */
const LIT_SHARED_GLOBALS: ReadonlySet<string> = new Set([
  'litPropertyMetadata',
  'reactiveElementVersions',
  'litHtmlVersions',
  'litElementVersions',
]);

function checkRegistration(
  input: ConsistencyInput,
  errors: string[],
  warnings: string[],
): ReadonlySet<string> | undefined {
  const { probe, packageFacts, packageFileName, bundleFileName } = input;
  const leakedGlobals = probe.leakedGlobals.filter((name) => !LIT_SHARED_GLOBALS.has(name));
  if (leakedGlobals.length > 0) {
    errors.push(
      `${bundleFileName} leaves globals on window: ${leakedGlobals.join(', ')}. Keep everything ` +
        'inside the IIFE (no top-level var/function in a classic script, no window.x = …).',
    );
  }
  if (probe.error !== undefined) {
    errors.push(
      `${bundleFileName} threw while running at top level: ${probe.error}. A throw there is an ` +
        '"Oops" page in Infinity Connect: do the risky work in load() or an action.',
    );
    return undefined;
  }
  const [registration, ...extra] = probe.registrations;
  if (!registration) {
    errors.push(
      `${bundleFileName} never calls PEX.pluginAPI.registerPlugin({id, load, unload, ...}) when it ` +
        'runs, so webapp2 would never see the plugin. Call it once at the end of src/index.ts.',
    );
    return undefined;
  }
  if (extra.length > 0) {
    errors.push(
      `${bundleFileName} calls PEX.pluginAPI.registerPlugin ${probe.registrations.length} times; call it once.`,
    );
  }
  if (registration.id !== packageFacts.id) {
    errors.push(
      `plugin id mismatch: ${packageFileName} /id is ${JSON.stringify(packageFacts.id)} but ` +
        `registerPlugin is called with id ${JSON.stringify(registration.id)}. Use the same id in both.`,
    );
  }
  for (const name of LIFECYCLE) {
    if (!registration.functionNames.includes(name)) {
      warnings.push(
        `registerPlugin has no ${name}() function; Pexip's guide expects load and unload.`,
      );
    }
  }
  return new Set(registration.functionNames);
}

function checkActions(
  input: ConsistencyInput,
  registered: ReadonlySet<string>,
  errors: string[],
  warnings: string[],
): void {
  const actions = new Set<string>();
  for (const item of input.packageFacts.menuItems) {
    if (typeof item.action === 'string') actions.add(item.action);
    if (typeof item.action === 'string' && registered.has(item.action)) continue;
    const offered = [...registered].filter((name) => !LIFECYCLE.has(name));
    errors.push(
      `action mismatch: ${input.packageFileName} ${item.pointer}/action is ` +
        `${JSON.stringify(item.action)} but registerPlugin has no function of that name ` +
        `(it registers: ${offered.join(', ') || 'no actions'}).`,
    );
  }
  for (const name of registered) {
    if (!LIFECYCLE.has(name) && !actions.has(name)) {
      warnings.push(
        `registerPlugin registers ${name}() but no menu item in ${input.packageFileName} calls it.`,
      );
    }
  }
}

function checkIcons(input: ConsistencyInput, errors: string[], warnings: string[]): void {
  const iconsByPath = new Map(input.icons.map((icon) => [icon.path, icon]));
  const used = new Set<string>();
  for (const item of input.packageFacts.menuItems) {
    if (item.icon === null || item.icon === undefined) continue;
    const where = `${input.packageFileName} ${item.pointer}/icon`;
    const problem = iconProblem(item.icon, iconsByPath, used);
    if (problem) errors.push(`icon mismatch: ${where} ${problem}`);
  }
  for (const reference of input.iconReferencesInBundle) {
    const problem = iconProblem(reference, iconsByPath, used);
    if (problem) errors.push(`icon mismatch: ${input.bundleFileName} uses an icon that ${problem}`);
  }
  for (const icon of input.icons) {
    if (icon.ids.size === 0) {
      errors.push(
        `${icon.path} has no id attribute; webapp2 shows an icon as file.svg#id, so add ` +
          `id="${icon.path.slice(ICON_FOLDER.length + 1, -4)}" to its <svg> element.`,
      );
    } else if (!used.has(icon.path)) {
      warnings.push(`${icon.path} is not referenced by the package file or the source.`);
    }
  }
}

function iconProblem(
  reference: unknown,
  iconsByPath: ReadonlyMap<string, IconFile>,
  used: Set<string>,
): string | undefined {
  const text = JSON.stringify(reference);
  const parsed = typeof reference === 'string' ? parseIconReference(reference) : undefined;
  if (!parsed) return `is ${text}; write it as "${ICON_FOLDER}/<file>.svg#<id>" or null.`;
  if (!parsed.file.startsWith(`${ICON_FOLDER}/`)) {
    return `is ${text}; icons live in ${ICON_FOLDER}/ (only that folder is copied into dist/).`;
  }
  const icon = iconsByPath.get(parsed.file);
  if (!icon) return `is ${text} but there is no ${parsed.file}.`;
  used.add(icon.path);
  if (icon.ids.has(parsed.id)) return undefined;
  return (
    `is ${text} but ${parsed.file} has no element with id="${parsed.id}" ` +
    `(its ids: ${[...icon.ids].join(', ') || 'none'}).`
  );
}
