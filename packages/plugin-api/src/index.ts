/** @ipk/plugin-api: the webapp2 plugin contract (types of window.PEX, the three JSON files, validators). */
export type * from './pex.js';
export {
  ACTIONS,
  WEBAPP2_ACTION_TYPES,
  type ActionName,
  type KnownActionType,
} from './pex-actions.js';
export type {
  MenuItem,
  MenuItems,
  PluginPackage,
  SettingsFile,
  SettingsPluginEntry,
  Manifest,
} from './plugin-files.js';
export {
  formatIssue,
  type IssueSeverity,
  type ValidationIssue,
  type ValidationResult,
} from './validation-issue.js';
export {
  parseJson,
  parseLocatedJson,
  escapePointerToken,
  type LocatedJson,
  type TextPosition,
} from './parse-json.js';
export {
  parseMenuIcon,
  isWebapp2SpriteIcon,
  WEBAPP2_SPRITE_FILES,
  type MenuIconReference,
} from './parse-menu-icon.js';
export {
  validatePluginPackage,
  MENU_PLACEMENTS,
  PLATFORMS,
  PARTICIPANT_ROLES,
} from './validate-plugin-package.js';
export { validateSettings, compareSettingsEntryWithPackage } from './validate-settings.js';
export { validateManifest } from './validate-manifest.js';
export {
  checkFileText,
  checkPluginPackageText,
  checkSettingsText,
  checkManifestText,
  FILE_VALIDATORS,
  type PluginFileKind,
} from './check-file-text.js';

export { sendNodeRequest, type RequestOutcome } from './send-node-request.js';

export {
  BEYOND_THE_GUIDE,
  DOCUMENTED_PEX_MEMBERS,
  SOURCE_TEXT,
  findBeyondTheGuide,
  formatBeyondTheGuide,
  pluginUsesInSource,
  type BeyondTheGuideEntry,
  type BeyondTheGuideFinding,
  type PluginUse,
  type PluginUseKind,
} from './beyond-the-guide.js';
