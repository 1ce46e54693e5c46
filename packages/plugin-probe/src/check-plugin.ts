import {
  checkPluginPackageText,
  escapePointerToken,
  findBeyondTheGuide,
  isWebapp2SpriteIcon,
  parseMenuIcon,
  pluginUsesInSource,
  type BeyondTheGuideFinding,
  type PluginPackage,
  type ValidationIssue,
} from '@ipk/plugin-api';
import { posix } from 'node:path';
import { isRecord, issueAt, locateJson, type LocatedFile } from './located-json.js';
import { PACKAGE_FILE_SUFFIX } from './ipk-plugin-field.js';
import { joinInPackage, resolvePackageUrl, urlPath } from './package-url.js';
import {
  probePlugin,
  type PluginProbe,
  type ProbeOptions,
  type RecordedRegistration,
  type SourceFailure,
  type StateSeen,
} from './probe-plugin.js';
import { svgElementIds } from './svg-element-ids.js';

/**
 * `build`: the kit's build of your own plugin holds it to the guide: a throw at top level, leaked
 * globals or a second `registerPlugin` fail it, and every SVG it ships must have an id and be used.
 * `package`: a plugin in a branding package (yours or a third party's): errors are what would
 * break loading; what the real app tolerates is a warning.
 */
export type PluginCheckMode = 'build' | 'package';

export interface PluginCheckInput {
  /** Every file the check may read, by `/`-separated path: a branding tree, or a build's output. */
  readonly files: ReadonlyMap<string, Uint8Array | string>;
  /** The package file's path in `files`; the plugin folder is its folder. */
  readonly packageFile: string;
  /**
   * Where the branding root (the folder holding settings.json) is in `files`: `'webapp2/'` or
   * `''`. Page-relative paths (`custom_configuration/plugins/…`) resolve from there. Absent in a
   * plugin build, where they cannot be checked.
   */
  readonly brandingRoot?: string;
  readonly mode: PluginCheckMode;
  /** Time and memory limits of the probe (`@ipk/plugin-probe`'s defaults otherwise). */
  readonly probe?: Omit<ProbeOptions, 'menuItems'>;
}

/** What the check found, and what it learnt on the way. */
export interface PluginCheck {
  readonly issues: ValidationIssue[];
  /** The package file's id, when it could be read. */
  readonly packageId?: string;
  /** The package file, typed, when it is valid. */
  readonly package?: PluginPackage;
  /** Where the source is in `files`, when the package file's `srcURL` resolves. */
  readonly sourceFile?: string;
  /** Function-valued keys passed to `registerPlugin` under the package id. */
  readonly registeredFunctions: string[];
  /** Every menu item action in the package file. */
  readonly menuActions: string[];
  /** What the plugin used beyond the plugin guide (`@ipk/plugin-api`'s catalogue). */
  readonly beyondTheGuide: BeyondTheGuideFinding[];
  /** The probe's full record, when the source was run. */
  readonly probe?: PluginProbe;
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

const LIFECYCLE = ['load', 'unload'];

/**
 * Page-relative icon and asset paths: `custom_configuration/…` is where a Conferencing Node serves
 * the branding next to the web app page; `configuration/…` is the older form
 * (webapp2-in-the-wild.md, "Loading and files").
 */
const PAGE_RELATIVE = /^(?:\.\/)?(custom_configuration|configuration)\//;

interface MenuItemFacts {
  readonly pointer: string;
  readonly placement: string;
  readonly action?: string;
  /** `undefined` when the key is absent. */
  readonly icon?: unknown;
  readonly label?: unknown;
}

/** One check under way: its input, the plugin folder, and the issues (severity decided here). */
class Check {
  readonly issues: ValidationIssue[] = [];
  readonly folder: string;
  located: LocatedFile | undefined;

  constructor(readonly input: PluginCheckInput) {
    this.folder = posix.dirname(input.packageFile);
  }

  add(issue: ValidationIssue): void {
    this.issues.push(issue.file === this.located?.file ? issueAt(this.located, issue) : issue);
  }

  error(file: string, pointer: string, message: string): void {
    this.add({ severity: 'error', file, pointer, message });
  }

  warning(file: string, pointer: string, message: string): void {
    this.add({ severity: 'warning', file, pointer, message });
  }

  /** An error in the build of your own plugin, a warning in a package (webapp2 runs it). */
  strict(file: string, pointer: string, message: string): void {
    this[this.input.mode === 'build' ? 'error' : 'warning'](file, pointer, message);
  }
}

/**
 * One check of one plugin, for the plugin build and the branding check alike: the package file
 * (by `@ipk/plugin-api`'s validator), its source run in the probe host (`probePlugin`), and the
 * agreement between them (Pexip's guide: the same id in the package file and `registerPlugin`,
 * each `action` a function passed to it, each `file.svg#id` icon naming an element of that SVG).
 * The same input gives the same issues whichever tool asks.
 */
export async function checkPlugin(input: PluginCheckInput): Promise<PluginCheck> {
  const { files, packageFile } = input;
  const check = new Check(input);
  const text = textOf(files.get(packageFile));
  if (text === undefined) {
    check.error(packageFile, '', 'the plugin package file is missing');
    return emptyCheck(check.issues);
  }
  const validated = checkPluginPackageText(text, packageFile);
  const located = locateJson(text, packageFile);
  check.located = located;
  for (const issue of validated.issues) check.add(issue);
  const pkg = located && isRecord(located.value) ? located.value : undefined;
  if (!pkg) return emptyCheck(check.issues);
  const packageId = typeof pkg['id'] === 'string' ? pkg['id'] : undefined;
  const menuItems = listMenuItems(pkg);
  const actions = menuItems.flatMap(({ placement, action }) =>
    action === undefined ? [] : [{ placement, action }],
  );
  const base = {
    ...(packageId === undefined ? {} : { packageId }),
    ...(validated.ok && validated.value ? { package: validated.value } : {}),
    menuActions: actions.map((item) => item.action),
  };
  const sourceFile = resolveSource(check, pkg);
  if (sourceFile === undefined) {
    checkIconFiles(check, menuItems, []);
    return { ...base, issues: check.issues, registeredFunctions: [], beyondTheGuide: [] };
  }
  const source = textOf(files.get(sourceFile)) ?? '';
  const probe = await probePlugin(source, sourceFile, {
    ...input.probe,
    menuItems: actions,
    pageFiles: pageFilesOf(check),
  });
  const registered = checkRegistration(check, probe, packageId, sourceFile);
  if (registered) checkActions(check, registered, menuItems);
  const stateIcons = probe.exercise?.states.flatMap((state) => state.icons) ?? [];
  checkIconFiles(check, menuItems, [...iconLiterals(source), ...stateIcons], sourceFile);
  checkExercise(check, probe, registered, menuItems, sourceFile);
  return {
    ...base,
    issues: check.issues,
    sourceFile,
    registeredFunctions: registered?.functionKeys ?? [],
    beyondTheGuide: findBeyondTheGuide([...probe.uses, ...pluginUsesInSource(source)]),
    probe,
  };
}

function emptyCheck(issues: ValidationIssue[]): PluginCheck {
  return { issues, registeredFunctions: [], menuActions: [], beyondTheGuide: [] };
}

function listMenuItems(pkg: Record<string, unknown>): MenuItemFacts[] {
  const menuItems = pkg['menuItems'];
  if (!isRecord(menuItems)) return [];
  const found: MenuItemFacts[] = [];
  for (const [placement, items] of Object.entries(menuItems)) {
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      if (!isRecord(item)) return;
      found.push({
        pointer: `/menuItems/${escapePointerToken(placement)}/${index}`,
        placement,
        ...(typeof item['action'] === 'string' ? { action: item['action'] } : {}),
        icon: item['icon'],
        label: item['label'],
      });
    });
  }
  return found;
}

/** Seed, "Plugin package file": `srcURL` is the source, relative to the package file. */
function resolveSource(check: Check, pkg: Record<string, unknown>): string | undefined {
  const { input, folder } = check;
  const srcURL = pkg['srcURL'];
  if (typeof srcURL !== 'string') return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(srcURL)) {
    check.warning(
      input.packageFile,
      '/srcURL',
      `srcURL "${srcURL}" is on another server: not checked (the check never uses the network)`,
    );
    return undefined;
  }
  const sourceFile = resolveIn(check, srcURL);
  if (sourceFile !== undefined && input.files.has(sourceFile)) return sourceFile;
  const scripts = [...input.files.keys()]
    .filter((file) => posix.dirname(file) === folder && file.endsWith('.js'))
    .map((file) => posix.basename(file));
  check.error(
    input.packageFile,
    '/srcURL',
    sourceFile === undefined
      ? `srcURL "${srcURL}" points outside the plugin's package`
      : `srcURL "${srcURL}" names no file beside the package file (scripts there: ${scripts.join(', ') || 'none'})`,
  );
  return undefined;
}

function checkRegistration(
  check: Check,
  probe: PluginProbe,
  packageId: string | undefined,
  sourceFile: string,
): RecordedRegistration | undefined {
  const leaked = probe.leakedGlobals.filter((name) => !LIT_SHARED_GLOBALS.has(name));
  if (leaked.length > 0) {
    // A warning in a package: webapp2 runs it, but two plugins leaking one name break each other.
    check.strict(
      sourceFile,
      '',
      `leaves globals on window: ${leaked.join(', ')}. Keep everything inside the IIFE the Pexip ` +
        'guide asks for (no top-level var or function in a classic script, no window.x = …)',
    );
  }
  const registrations = probe.registrations;
  if (probe.failure)
    check.add(failureIssue(probe.failure, sourceFile, registrations.length > 0, check.input.mode));
  if (registrations.length === 0) {
    if (probe.failure) return undefined;
    check.error(
      sourceFile,
      '',
      'never calls PEX.pluginAPI.registerPlugin({id, load, unload, …}) when it runs, so webapp2 never ' +
        'sees the plugin (Pexip guide, "Plugin source file")',
    );
    return undefined;
  }
  if (registrations.length > 1) {
    check.strict(
      sourceFile,
      '',
      `calls PEX.pluginAPI.registerPlugin ${registrations.length} times (ids: ${registrations.map((r) => JSON.stringify(r.id)).join(', ')}); call it once`,
    );
  }
  const registered = registrations.find((registration) => registration.id === packageId);
  if (!registered) {
    const ids = registrations.map((registration) => describeId(registration)).join(', ');
    check.error(
      check.input.packageFile,
      '/id',
      `plugin id mismatch: the package file's id is ${JSON.stringify(packageId)} but ${posix.basename(sourceFile)} ` +
        `calls registerPlugin with id ${ids}; webapp2 would never load it. Use the same id in both.`,
    );
    return undefined;
  }
  for (const key of LIFECYCLE) {
    if (!registered.functionKeys.includes(key)) {
      check.warning(
        sourceFile,
        '',
        `registerPlugin is given no ${key} function (the Pexip guide lists load and unload among the functions you must include)`,
      );
    }
  }
  return registered;
}

function describeId(registration: RecordedRegistration): string {
  return registration.id === null ? `<${registration.idType}>` : JSON.stringify(registration.id);
}

/** A failed evaluation as an issue at the source's line. */
function failureIssue(
  failure: SourceFailure,
  sourceFile: string,
  registered: boolean,
  mode: PluginCheckMode,
): ValidationIssue {
  const position =
    'line' in failure && failure.line !== undefined
      ? { line: failure.line, ...(failure.column === undefined ? {} : { column: failure.column }) }
      : {};
  const what = {
    syntax: 'cannot be parsed',
    timeout: 'was stopped',
    memory: 'was stopped',
    threw: 'throws while loading',
  }[failure.kind];
  // A throw after registerPlugin leaves the plugin registered in webapp2; before it, nothing loads.
  // The build asks more of your own plugin: a throw at top level is an "Oops" page in the app.
  const tolerated = failure.kind === 'threw' && registered && mode === 'package';
  const advice =
    failure.kind === 'threw' && mode === 'build'
      ? '. Do the risky work in load() or an action'
      : '';
  return {
    severity: tolerated ? 'warning' : 'error',
    file: sourceFile,
    pointer: '',
    message: `${what}: ${failure.message}${advice}`,
    ...position,
  };
}

/** Seed, "menuItems": an item's `action` "calls function <name>", so it must be a registered function. */
function checkActions(
  check: Check,
  registered: RecordedRegistration,
  menuItems: MenuItemFacts[],
): void {
  const { packageFile, mode } = check.input;
  const offered = registered.functionKeys.filter((key) => !LIFECYCLE.includes(key));
  for (const item of menuItems) {
    if (item.action === undefined || registered.functionKeys.includes(item.action)) continue;
    const entry = registered.keys.find((key) => key.key === item.action);
    const found = entry
      ? `registered as a ${entry.type}, not a function`
      : 'not passed to registerPlugin';
    check.error(
      packageFile,
      `${item.pointer}/action`,
      `action "${item.action}" is ${found} (registered actions: ${offered.join(', ') || 'none'})`,
    );
  }
  if (mode !== 'build') return;
  const actions = new Set(menuItems.map((item) => item.action));
  for (const name of offered) {
    if (!actions.has(name)) {
      check.warning(
        packageFile,
        '/menuItems',
        `registerPlugin registers ${name}() but no menu item calls it`,
      );
    }
  }
}

/**
 * Seed, "Menu item icons": "you must include an id field in the source of the SVG, and also
 * reference this id". Checked for the package file's icons and for icons the source sets through
 * `state$` (written as literals, or seen on `state$` while the probe ran).
 */
function checkIconFiles(
  check: Check,
  menuItems: MenuItemFacts[],
  sourceIcons: string[],
  sourceFile?: string,
): void {
  const { input, folder } = check;
  const used = new Set<string>();
  const report = (icon: string, file: string, pointer: string, says: string): void => {
    const problem = iconProblem(check, icon, used);
    if (problem) {
      check.add({
        severity: problem.severity,
        file,
        pointer,
        message: `${says}: ${problem.reason}`,
      });
    }
  };
  for (const item of menuItems) {
    if (typeof item.icon === 'string')
      report(item.icon, input.packageFile, `${item.pointer}/icon`, `icon "${item.icon}"`);
  }
  if (sourceFile !== undefined) {
    for (const icon of new Set(sourceIcons))
      report(icon, sourceFile, '', `sets the icon "${icon}" (for state$)`);
  }
  if (input.mode !== 'build') return;
  for (const [file, content] of input.files) {
    if (!file.endsWith('.svg') || !file.startsWith(folder === '.' ? '' : `${folder}/`)) continue;
    if (svgElementIds(textOf(content)).size === 0) {
      check.error(
        file,
        '',
        `has no id attribute; webapp2 shows an icon as file.svg#id, so add id="${posix.basename(file, '.svg')}" to its <svg> element`,
      );
    } else if (!used.has(file)) {
      check.warning(
        file,
        '',
        `is not used by the package file or the source (as ${inFolder(folder, file)}#<id>)`,
      );
    }
  }
}

interface IconProblem {
  readonly severity: ValidationIssue['severity'];
  readonly reason: string;
}

function iconProblem(check: Check, icon: string, used: Set<string>): IconProblem | undefined {
  const { input, folder } = check;
  const reference = parseMenuIcon(icon);
  // A bare icons.svg#name is webapp2's own sprite (the validator warns about it), not a file here.
  if (reference && isWebapp2SpriteIcon(reference) && !reference.file.includes('/'))
    return undefined;
  const file = reference?.file ?? (/\.svg$/i.test(icon) ? icon : undefined);
  if (file === undefined) return undefined;
  const pageRelative = PAGE_RELATIVE.exec(file);
  if (pageRelative && input.brandingRoot === undefined) {
    return {
      severity: 'warning',
      reason:
        'the path is relative to the web app page, which a plugin build cannot check; write it relative to the plugin folder',
    };
  }
  const path = resolveIn(check, file);
  const shown = path === undefined ? file : inFolder(folder, path);
  const content = path === undefined ? undefined : input.files.get(path);
  if (path === undefined || content === undefined) {
    return { severity: 'error', reason: `there is no ${shown} in the package` };
  }
  used.add(path);
  const ids = svgElementIds(textOf(content));
  if (reference && !ids.has(reference.fragment)) {
    return {
      severity: 'error',
      reason: `${shown} has no element with id="${reference.fragment}" (its ids: ${[...ids].join(', ') || 'none'})`,
    };
  }
  if (pageRelative) {
    return {
      severity: 'warning',
      reason:
        `the path is relative to the web app page: it resolves only where the branding is served at ` +
        `/webapp2/${pageRelative[1]}/${pageRelative[1] === 'configuration' ? ' (older Infinity versions)' : ''}. ` +
        `Write it relative to the plugin folder: ${inFolder(folder, path)}${reference ? `#${reference.fragment}` : ''}`,
    };
  }
  return undefined;
}

/**
 * What the plugin did when the probe host ran it as a call would, where this host or webapp2 would
 * show something odd: a `load()` that throws or never settles, a menu item with nothing to show.
 */
function checkExercise(
  check: Check,
  probe: PluginProbe,
  registered: RecordedRegistration | undefined,
  menuItems: MenuItemFacts[],
  sourceFile: string,
): void {
  const exercise = probe.exercise;
  if (!exercise || !registered) return;
  if (exercise.failure) {
    check.error(
      sourceFile,
      '',
      `${exercise.failure.message}: in the app this would freeze or crash the page`,
    );
    return;
  }
  const load = exercise.loads.find((outcome) => outcome.id === registered.id);
  const loadProblem =
    load?.outcome === 'threw' || load?.outcome === 'rejected'
      ? `load() ${load.outcome === 'threw' ? 'throws' : 'rejects'} when the probe host calls it with a roster: ${load.error ?? 'no message'}. ` +
        'This host marks the plugin failed; the Pexip guide warns that plugin errors can break the app'
      : load?.outcome === 'pending'
        ? 'load() returned a promise that had not settled when the probe ended (the probe host has no network): if it never settles, this host marks the plugin failed after its load time limit'
        : undefined;
  if (loadProblem) check.warning(sourceFile, '', loadProblem);
  const state = exercise.states.find((seen) => seen.id === registered.id);
  for (const item of menuItems) checkMenuItemLook(check, item, state, registered.hasState);
}

/**
 * The real app accepts `icon: null` and `label: null` (recording, mtw ship them) because the plugin
 * sets them through `state$`. Reported only when the probe saw no state set them: then the item
 * has nothing to show in this host, and shows blank in webapp2.
 */
function checkMenuItemLook(
  check: Check,
  item: MenuItemFacts,
  state: StateSeen | undefined,
  hasState: boolean,
): void {
  const perParticipant = item.placement === 'participants';
  const stateIcon =
    state !== undefined && (state.icon || (perParticipant && state.participantIcon));
  const stateLabel =
    state !== undefined && (state.label || (perParticipant && state.participantLabel));
  const noIcon = typeof item.icon !== 'string' && !stateIcon;
  const noLabel = (typeof item.label !== 'string' || item.label === '') && !stateLabel;
  const why = hasState
    ? 'and its state$ set none while the probe host played a call (a roster, the actions of a call)'
    : 'and the plugin registers no state$ to set one';
  const what = (missing: string): string =>
    `the ${item.placement} item "${item.action ?? '?'}" has ${missing} in the package file ${why}`;
  const problem =
    noIcon && noLabel
      ? `${what('no icon and no label')}: it shows as an empty item`
      : noIcon && item.placement === 'toolbar'
        ? `${what('no icon')}: a toolbar button without an icon`
        : noLabel && item.placement !== 'toolbar'
          ? `${what('no label')}: a menu entry without text`
          : undefined;
  if (problem) check.warning(check.input.packageFile, item.pointer, problem);
}

/** `file.svg#id` string literals in the source: icons it sets at run time (seed, "Plugin state"). */
function iconLiterals(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/["'`]([^"'`\s#<>]+\.svg#[^"'`\s#<>]+)["'`]/g)) {
    if (match[1] && !/^[a-z][a-z0-9+.-]*:/i.test(match[1])) found.add(match[1]);
  }
  return [...found].sort();
}

/**
 * A relative URL resolved as a browser would, against the plugin folder (or, for page-relative
 * paths, the branding root); `undefined` when it is absolute or climbs out of the package.
 */
function resolveIn({ input, folder }: Check, url: string): string | undefined {
  const root = input.brandingRoot ?? (folder === '.' ? '' : `${folder}/`);
  const path = urlPath(url);
  const pageRelative = PAGE_RELATIVE.exec(path);
  // No absolute URL is page-relative (its path starts with "/" or a scheme), so this branch needs
  // no test for one.
  if (pageRelative && input.brandingRoot !== undefined) {
    return joinInPackage(root, input.brandingRoot, path.slice(pageRelative[0].length));
  }
  return resolvePackageUrl(root, folder, url);
}

/** The largest file, and the most in all, that a plugin's `fetch` in the probe host can read. */
const PAGE_FILE_BYTES = 256 * 1024;
const PAGE_FILES_BYTES = 4 * 1024 * 1024;

/**
 * What a plugin's `fetch` of `custom_configuration/<path>` reads in the probe host: the files
 * under the branding root, or in a plugin build the plugin's own files where `ipk-branding`
 * puts them (`plugins/<name>/`, the name of `<name>.plugin.package.json`). Text only, within
 * the limits above; another file there is listed as `null` (fetched: "not served here"). A
 * branding's are the same for each of its plugins, so they are read once per branding.
 */
function pageFilesOf({ input, folder }: Check): Record<string, string | null> {
  const { brandingRoot, files, packageFile } = input;
  if (brandingRoot === undefined) {
    const prefix = folder === '.' ? '' : `${folder}/`;
    const name = posix.basename(packageFile, PACKAGE_FILE_SUFFIX);
    return servedText(files, prefix, `plugins/${name}/`);
  }
  const cached = brandingPageFiles.get(files)?.get(brandingRoot);
  if (cached) return cached;
  const served = servedText(files, brandingRoot, '');
  const byRoot = brandingPageFiles.get(files) ?? new Map<string, Record<string, string | null>>();
  brandingPageFiles.set(files, byRoot.set(brandingRoot, served));
  return served;
}

const brandingPageFiles = new WeakMap<
  PluginCheckInput['files'],
  Map<string, Record<string, string | null>>
>();

/** The files under `prefix`, re-rooted at `at`: their text, or null when not served. */
function servedText(
  files: PluginCheckInput['files'],
  prefix: string,
  at: string,
): Record<string, string | null> {
  const served: Record<string, string | null> = {};
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  for (const [path, content] of files) {
    if (!path.startsWith(prefix)) continue;
    const pagePath = at + path.slice(prefix.length);
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    served[pagePath] = null;
    if (size > PAGE_FILE_BYTES || total + size > PAGE_FILES_BYTES) continue;
    try {
      served[pagePath] = typeof content === 'string' ? content : decoder.decode(content);
      total += size;
    } catch {
      // Not UTF-8 text (an image, a font): listed as there, not served.
    }
  }
  return served;
}

/** A path of `files` as the plugin folder sees it (`assets/a.svg`), or as it is when outside. */
function inFolder(folder: string, path: string): string {
  if (folder === '.') return path;
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
}

function textOf(content: Uint8Array | string): string;
function textOf(content: Uint8Array | string | undefined): string | undefined;
function textOf(content: Uint8Array | string | undefined): string | undefined {
  return typeof content === 'object' ? new TextDecoder().decode(content) : content;
}
