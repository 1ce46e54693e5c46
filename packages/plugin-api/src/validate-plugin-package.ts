/**
 * Validates a plugin package file against the seed ("Plugin package file") and what real
 * `pexip/plugin-*` packages ship. Errors: what would stop the plugin loading. Warnings: what the
 * seed frowns on but real plugins ship and webapp2 accepts.
 */
import { IssueCollector } from './issue-collector.js';
import {
  describeJsonType,
  isJsonObject,
  listWords,
  schemaKeyProblem,
  type JsonObject,
} from './json-shape.js';
import { escapePointerToken } from './parse-json.js';
import { isWebapp2SpriteIcon, parseMenuIcon } from './parse-menu-icon.js';
import type { MenuPlacement, ParticipantRole, Platform } from './pex.js';
import type { PluginPackage } from './plugin-files.js';
import type { ValidationResult } from './validation-issue.js';

/** Seed order: "conference, toolbar, participants". */
export const MENU_PLACEMENTS: readonly MenuPlacement[] = ['conference', 'toolbar', 'participants'];
export const PLATFORMS: readonly Platform[] = ['web', 'electron', 'ios', 'android'];
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = ['chair', 'guest'];

const PACKAGE_KEYS = [
  '$schema',
  'id',
  'name',
  'description',
  'version',
  'srcURL',
  'allowUnload',
  'platforms',
  'participantRoles',
  'menuItems',
];
const MENU_ITEM_KEYS = ['icon', 'label', 'action'];

/** A JavaScript identifier: `registerPlugin({[action]: fn})` must be able to hold it as a function name. */
const FUNCTION_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Validates a parsed plugin package file (`<name>.plugin.package.json`). */
export function validatePluginPackage(
  value: unknown,
  file = 'plugin.package.json',
): ValidationResult<PluginPackage> {
  const issues = new IssueCollector(file);
  if (!isJsonObject(value)) {
    issues.error(
      '',
      `a plugin package file must be a JSON object, found ${describeJsonType(value)}`,
    );
    return issues.result(value);
  }
  checkNonEmptyString(
    value,
    'id',
    issues,
    'settings.json and registerPlugin refer to the plugin by it',
  );
  checkString(value, 'name', issues);
  checkString(value, 'description', issues);
  checkVersion(value, issues);
  checkNonEmptyString(value, 'srcURL', issues, 'it locates the plugin source file');
  checkBoolean(value, 'allowUnload', issues);
  checkEnumList(value, 'platforms', PLATFORMS, issues);
  checkEnumList(value, 'participantRoles', PARTICIPANT_ROLES, issues);
  checkMenuItems(value, issues);
  checkExtraPackageKeys(value, issues);
  const schemaProblem = schemaKeyProblem(value);
  if (schemaProblem !== undefined) issues.error('/$schema', schemaProblem);
  return issues.result(value);
}

function pointerOf(...tokens: Array<string | number>): string {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join('');
}

/** Why each required field matters, for the "is required" sentence (seed: "The fields required in the package file"). */
const REQUIRED_BECAUSE: Record<string, string> = {
  id: 'settings.json and registerPlugin refer to the plugin by it',
  name: 'it is shown under Settings > Plugin',
  description: 'it is shown under Settings > Plugin',
  version: 'an internal version number such as 1.0',
  srcURL: 'the plugin source file, e.g. "recording.plugin.js"',
  allowUnload: 'true lets the user disable the plugin',
  platforms: 'e.g. ["web", "electron", "ios", "android"]',
  participantRoles: 'e.g. ["chair", "guest"]',
};

function checkPresent(object: JsonObject, key: string, issues: IssueCollector): boolean {
  if (Object.hasOwn(object, key)) return true;
  issues.error('', `${key} is required (${REQUIRED_BECAUSE[key] ?? 'see the Pexip guide'})`);
  return false;
}

function checkString(object: JsonObject, key: string, issues: IssueCollector): void {
  if (!checkPresent(object, key, issues)) return;
  const value = object[key];
  if (typeof value !== 'string')
    issues.error(pointerOf(key), `${key} must be a string, found ${describeJsonType(value)}`);
}

function checkNonEmptyString(
  object: JsonObject,
  key: string,
  issues: IssueCollector,
  why: string,
): void {
  if (!checkPresent(object, key, issues)) return;
  const value = object[key];
  if (typeof value !== 'string' || value.trim() === '') {
    issues.error(
      pointerOf(key),
      `${key} must be a non-empty string (${why}), found ${describeJsonType(value)}`,
    );
  }
}

function checkBoolean(object: JsonObject, key: string, issues: IssueCollector): void {
  if (!checkPresent(object, key, issues)) return;
  const value = object[key];
  if (typeof value !== 'boolean')
    issues.error(pointerOf(key), `${key} must be true or false, found ${describeJsonType(value)}`);
}

function checkVersion(object: JsonObject, issues: IssueCollector): void {
  if (!checkPresent(object, 'version', issues)) return;
  const version = object['version'];
  if (typeof version === 'number') return;
  if (typeof version === 'string') {
    // Real packages ship "1.0" and even "": webapp2 only displays it.
    issues.warning('/version', `version is a string; the Pexip guide shows a number (e.g. 1.0)`);
    return;
  }
  issues.error(
    '/version',
    `version must be a number (e.g. 1.0), found ${describeJsonType(version)}`,
  );
}

function checkEnumList(
  object: JsonObject,
  key: 'platforms' | 'participantRoles',
  allowed: readonly string[],
  issues: IssueCollector,
): void {
  if (!checkPresent(object, key, issues)) return;
  const list = object[key];
  if (!Array.isArray(list)) {
    issues.error(
      pointerOf(key),
      `${key} must be an array of ${listWords(allowed)}, found ${describeJsonType(list)}`,
    );
    return;
  }
  list.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string' || !allowed.includes(entry)) {
      issues.error(
        pointerOf(key, index),
        `${key} may contain only ${listWords(allowed)}, found ${describeJsonType(entry)}`,
      );
    }
  });
  if (list.length === 0) {
    issues.warning(pointerOf(key), `${key} is empty: the plugin will not be offered to anyone`);
  }
}

function checkMenuItems(object: JsonObject, issues: IssueCollector): void {
  if (!Object.hasOwn(object, 'menuItems')) {
    // raise-hand-notification, start-muted, maintain-url and hide-api-users ship without it.
    issues.warning(
      '',
      'menuItems is missing: the plugin adds no button or menu item (write {} to say so)',
    );
    return;
  }
  const menuItems = object['menuItems'];
  if (!isJsonObject(menuItems)) {
    issues.error(
      '/menuItems',
      `menuItems must be an object such as {"toolbar": [...]}, found ${describeJsonType(menuItems)}`,
    );
    return;
  }
  const keys = Object.keys(menuItems);
  const placements = keys.filter((key): key is MenuPlacement =>
    (MENU_PLACEMENTS as string[]).includes(key),
  );
  if (placements.length > 1) {
    // Seed: "You can only specify one of the above options."
    issues.error(
      '/menuItems',
      `menuItems may have only one of ${MENU_PLACEMENTS.join(', ')}; found ${listWords(placements)}`,
    );
  }
  if (keys.length === 0) {
    issues.warning('/menuItems', 'menuItems is empty: the plugin adds no button or menu item');
  }
  for (const key of keys) {
    if (!placements.includes(key as MenuPlacement)) {
      issues.warning(
        pointerOf('menuItems', key),
        `menuItems has an unknown placement "${key}" that webapp2 ignores; expected one of ${MENU_PLACEMENTS.join(', ')}`,
      );
      continue;
    }
    checkMenuItemList(menuItems[key], key, issues);
  }
}

function checkMenuItemList(list: unknown, placement: string, issues: IssueCollector): void {
  const pointer = pointerOf('menuItems', placement);
  if (!Array.isArray(list)) {
    issues.error(
      pointer,
      `menuItems.${placement} must be an array of menu items, found ${describeJsonType(list)}`,
    );
    return;
  }
  if (list.length === 0) {
    issues.warning(pointer, `menuItems.${placement} is empty: the plugin adds no menu item`);
  }
  list.forEach((item: unknown, index) =>
    checkMenuItem(item, pointerOf('menuItems', placement, index), issues),
  );
}

function checkMenuItem(item: unknown, pointer: string, issues: IssueCollector): void {
  if (!isJsonObject(item)) {
    issues.error(
      pointer,
      `a menu item must be an object with icon, label and action, found ${describeJsonType(item)}`,
    );
    return;
  }
  checkMenuIcon(item, pointer, issues);
  checkMenuLabel(item, pointer, issues);
  checkMenuAction(item, pointer, issues);
  for (const key of Object.keys(item)) {
    if (MENU_ITEM_KEYS.includes(key)) continue;
    if (key === 'id') {
      checkMenuItemId(item[key], `${pointer}/id`, issues);
      continue;
    }
    issues.warning(
      `${pointer}${pointerOf(key)}`,
      `"${key}" is not a menu item field in the Pexip guide; webapp2 ignores it`,
    );
  }
}

function checkMenuItemId(id: unknown, pointer: string, issues: IssueCollector): void {
  if (typeof id !== 'string') {
    issues.error(
      pointer,
      `a menu item id must be a string (getPluginMenuItem looks it up), found ${describeJsonType(id)}`,
    );
    return;
  }
  issues.warning(
    pointer,
    'a menu item id is not in the Pexip guide (real plugins use it with getPluginMenuItem); other apps may ignore it',
  );
}

function checkMenuIcon(item: JsonObject, pointer: string, issues: IssueCollector): void {
  if (!Object.hasOwn(item, 'icon')) {
    issues.warning(
      pointer,
      'the menu item has no icon: write a "file.svg#id" reference, or null to set it from plugin state',
    );
    return;
  }
  const icon = item['icon'];
  if (icon === null) return;
  const iconPointer = `${pointer}/icon`;
  if (typeof icon !== 'string') {
    issues.error(
      iconPointer,
      `icon must be a "file.svg#id" reference or null, found ${describeJsonType(icon)}`,
    );
    return;
  }
  const reference = parseMenuIcon(icon);
  if (reference === undefined) {
    // rename-participant ships "assets/images/renameParticipant.svg" (no #id) and still loads.
    issues.warning(
      iconPointer,
      `icon "${icon}" is not "file.svg#id": the Pexip guide says to reference the id of an element in an SVG file, or the icon may not show`,
    );
    return;
  }
  if (isWebapp2SpriteIcon(reference)) {
    issues.warning(
      iconPointer,
      `icon "${icon}" names webapp2's own sprite sheet, not a file of this plugin; it shows only inside webapp2`,
    );
  }
}

function checkMenuLabel(item: JsonObject, pointer: string, issues: IssueCollector): void {
  if (!Object.hasOwn(item, 'label')) {
    issues.warning(
      pointer,
      'the menu item has no label: write a text or null (set from plugin state)',
    );
    return;
  }
  const label = item['label'];
  if (label !== null && typeof label !== 'string') {
    issues.error(
      `${pointer}/label`,
      `label must be a string or null, found ${describeJsonType(label)}`,
    );
  }
}

function checkMenuAction(item: JsonObject, pointer: string, issues: IssueCollector): void {
  if (!Object.hasOwn(item, 'action')) {
    issues.error(pointer, 'action is required: the name of the function registerPlugin receives');
    return;
  }
  const action = item['action'];
  if (typeof action !== 'string' || !FUNCTION_NAME.test(action)) {
    issues.error(
      `${pointer}/action`,
      `action must be a function name such as "recordConference", found ${describeJsonType(action)}`,
    );
  }
}

function checkExtraPackageKeys(object: JsonObject, issues: IssueCollector): void {
  for (const key of Object.keys(object)) {
    if (PACKAGE_KEYS.includes(key)) continue;
    issues.warning(
      pointerOf(key),
      key === 'configuration'
        ? 'configuration is not in the Pexip guide; webapp2 ignores it (the plugin may fetch and read it itself)'
        : `"${key}" is not a package file field in the Pexip guide; webapp2 ignores it`,
    );
  }
}
