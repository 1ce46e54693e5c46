/** A menu item icon reference split into its SVG file and the element id inside it. */
export interface MenuIconReference {
  /** Path of the SVG file relative to the plugin folder, e.g. `assets/images/crop.svg`. */
  file: string;
  /** The `id` of the element in that file, e.g. `crop`. */
  fragment: string;
}

// Seed ("Menu item icons"): "Only SVG images are currently supported... you must include an id
// field in the source of the SVG, and also reference this id when you refer to the icon."
const ICON = /^([^#\s]+\.svg)#([^#\s]+)$/i;

/** Splits `"crop.svg#crop"` into `{file: 'crop.svg', fragment: 'crop'}`; anything else gives `undefined`. */
export function parseMenuIcon(icon: string): MenuIconReference | undefined {
  const match = ICON.exec(icon);
  if (match === null) return undefined;
  return { file: match[1] ?? '', fragment: match[2] ?? '' };
}

/**
 * webapp2's own sprite sheets: a bare `icons.svg#mic-off` names an icon of the app, not a file of
 * the plugin (webapp2-in-the-wild.md, "Icons"). It works inside webapp2 only.
 */
export const WEBAPP2_SPRITE_FILES: readonly string[] = ['icons.svg'];

/** True for `icons.svg#name`: an icon borrowed from webapp2's sprite sheet. */
export function isWebapp2SpriteIcon(reference: MenuIconReference): boolean {
  return WEBAPP2_SPRITE_FILES.includes(reference.file.toLowerCase());
}
