/**
 * Validates a plugin package file. Errors come from `schemas/plugin-package.schema.json`: what
 * would stop the plugin loading. Warnings, below, are what the Pexip guide ("Plugin package
 * file") frowns on but real `pexip/plugin-*` packages ship and webapp2 accepts.
 */
import { IssueCollector } from './issue-collector.js';
import { isJsonObject, type JsonObject } from './json-shape.js';
import { isWebapp2SpriteIcon, parseMenuIcon } from './parse-menu-icon.js';
import type { MenuPlacement, ParticipantRole, Platform } from './pex.js';
import type { PluginPackage } from './plugin-files.js';
import { checkAgainstSchema, declaredKeys } from './schema-check.js';
import { misspellingOf, warnAboutUndeclaredKeys } from './undeclared-keys.js';
import type { ValidationResult } from './validation-issue.js';

/** Seed order: "conference, toolbar, participants". */
export const MENU_PLACEMENTS: readonly MenuPlacement[] = ['conference', 'toolbar', 'participants'];
export const PLATFORMS: readonly Platform[] = ['web', 'electron', 'ios', 'android'];
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = ['chair', 'guest'];

/** Validates a parsed plugin package file (`<name>.plugin.package.json`). */
export function validatePluginPackage(
  value: unknown,
  file = 'plugin.package.json',
): ValidationResult<PluginPackage> {
  const issues = new IssueCollector(file);
  checkAgainstSchema('plugin-package', value, issues);
  if (isJsonObject(value)) warnAboutPackage(value, issues);
  return issues.result(value);
}

function warnAboutPackage(pkg: JsonObject, issues: IssueCollector): void {
  if (typeof pkg['version'] === 'string') {
    // anonymizer, hide-api-users and collaboard ship "" and webapp2 only displays it.
    issues.warning('/version', 'version is a string; the Pexip guide shows a number (e.g. 1.0)');
  }
  for (const key of ['platforms', 'participantRoles']) {
    const list = pkg[key];
    if (Array.isArray(list) && list.length === 0) {
      issues.warning(`/${key}`, `${key} is empty: the plugin will not be offered to anyone`);
    }
  }
  warnAboutMenuItems(pkg, issues);
  if (Object.hasOwn(pkg, 'configuration')) {
    issues.warning(
      '/configuration',
      'configuration is not in the Pexip guide; webapp2 ignores it (the plugin may fetch and read it itself)',
    );
  }
  warnAboutUndeclaredKeys(
    pkg,
    '',
    declaredKeys('plugin-package', '#'),
    issues,
    (key) => `"${key}" is not a package file field in the Pexip guide; webapp2 ignores it`,
  );
}

function warnAboutMenuItems(pkg: JsonObject, issues: IssueCollector): void {
  if (!Object.hasOwn(pkg, 'menuItems')) {
    // raise-hand-notification, start-muted, maintain-url and hide-api-users ship without it. A
    // misspelt "menuItem" gets its own "did you mean" instead.
    if (misspellingOf(pkg, declaredKeys('plugin-package', '#'), 'menuItems') === undefined) {
      issues.warning(
        '',
        'menuItems is missing: the plugin adds no button or menu item (write {} to say so)',
      );
    }
    return;
  }
  const menuItems = pkg['menuItems'];
  if (!isJsonObject(menuItems)) return;
  if (Object.keys(menuItems).length === 0) {
    // chat-notify and survey ship {}.
    issues.warning('/menuItems', 'menuItems is empty: the plugin adds no button or menu item');
  }
  warnAboutUndeclaredKeys(
    menuItems,
    '/menuItems',
    MENU_PLACEMENTS,
    issues,
    (key) =>
      `menuItems has an unknown placement "${key}" that webapp2 ignores; expected one of ${MENU_PLACEMENTS.join(', ')}`,
  );
  for (const placement of MENU_PLACEMENTS) {
    const list = menuItems[placement];
    if (!Array.isArray(list)) continue;
    if (list.length === 0) {
      // server-mute-notifier ships "toolbar": [].
      issues.warning(
        `/menuItems/${placement}`,
        `menuItems.${placement} is empty: the plugin adds no menu item`,
      );
    }
    list.forEach((item: unknown, index) => {
      if (isJsonObject(item)) warnAboutMenuItem(item, `/menuItems/${placement}/${index}`, issues);
    });
  }
}

function warnAboutMenuItem(item: JsonObject, pointer: string, issues: IssueCollector): void {
  const declared = declaredKeys('plugin-package', '#/$defs/menuItem');
  // An absent field whose misspelling is there gets the "did you mean" warning instead.
  const absent = (key: string) =>
    !Object.hasOwn(item, key) && misspellingOf(item, declared, key) === undefined;
  if (absent('icon')) {
    issues.warning(
      pointer,
      'the menu item has no icon: write a "file.svg#id" reference, or null to set it from plugin state',
    );
  } else if (typeof item['icon'] === 'string') {
    warnAboutIcon(item['icon'], `${pointer}/icon`, issues);
  }
  if (absent('label')) {
    // breakout-rooms and mute-video-participant ship items without a label.
    issues.warning(
      pointer,
      'the menu item has no label: write a text or null (set from plugin state)',
    );
  }
  if (typeof item['id'] === 'string') {
    issues.warning(
      `${pointer}/id`,
      'a menu item id is not in the Pexip guide (real plugins use it with getPluginMenuItem); other apps may ignore it',
    );
  }
  warnAboutUndeclaredKeys(
    item,
    pointer,
    declared,
    issues,
    (key) => `"${key}" is not a menu item field in the Pexip guide; webapp2 ignores it`,
  );
}

function warnAboutIcon(icon: string, pointer: string, issues: IssueCollector): void {
  const reference = parseMenuIcon(icon);
  if (reference === undefined) {
    // rename-participant ships "assets/images/renameParticipant.svg" (no #id) and still loads.
    issues.warning(
      pointer,
      `icon "${icon}" is not "file.svg#id": the Pexip guide says to reference the id of an element in an SVG file, or the icon may not show`,
    );
  } else if (isWebapp2SpriteIcon(reference)) {
    issues.warning(
      pointer,
      `icon "${icon}" names webapp2's own sprite sheet, not a file of this plugin; it shows only inside webapp2`,
    );
  }
}
