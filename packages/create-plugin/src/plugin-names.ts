/** Where webapp2 shows a plugin's menu item (seed, package file `menuItems`). */
export const PLACEMENTS = ['toolbar', 'conference', 'participants'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** How the README names each placement for a user. */
export const PLACEMENT_TEXT: Readonly<Record<Placement, string>> = {
  toolbar: 'conference toolbar',
  conference: 'conference control menu',
  participants: "participant roster's menu (one per participant)",
};

/** Every spelling of a plugin's name the template uses. */
export interface PluginNames {
  /** `hello-world`: the folder, `<name>.plugin.js`, the package file's `name`. */
  readonly name: string;
  /** `HelloWorld`: `createHelloWorldPlugin`. */
  readonly pascal: string;
  /** `HELLO_WORLD`: `HELLO_WORLD_PLUGIN_ID`. */
  readonly constant: string;
  /** `Hello world`: the menu item's label and the dialog's title. */
  readonly title: string;
  /** `hello-world-plugin-1.0`: the package file's `id`, shaped like Pexip's own examples. */
  readonly id: string;
  /** `openHelloWorldDialog`: the menu item's `action`. */
  readonly action: string;
}

/** A name that cannot be a plugin's: the message says why and what would do. */
export class PluginNameError extends Error {
  override name = 'PluginNameError';
}

// One spelling that is at once a folder name, an npm name segment (`@ipk/plugin-<name>`), part of
// the file names webapp2 fetches and of a plugin id: lower-case words joined by single hyphens.
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 50;

export function isPlacement(value: string): value is Placement {
  return (PLACEMENTS as readonly string[]).includes(value);
}

/** Checks a plugin name and derives its other spellings; throws {@link PluginNameError}. */
export function pluginNames(raw: string): PluginNames {
  const name = raw.trim();
  if (name.length > MAX_NAME_LENGTH) {
    throw new PluginNameError(`"${name}" is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (!NAME_PATTERN.test(name)) {
    throw new PluginNameError(
      `"${name}" is not a valid plugin name: use lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. "hello-world")`,
    );
  }
  const words = name.split('-');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  const title = words.join(' ');
  return {
    name,
    pascal,
    constant: words.map((word) => word.toUpperCase()).join('_'),
    title: title.charAt(0).toUpperCase() + title.slice(1),
    id: `${name}-plugin-1.0`,
    action: `open${pascal}Dialog`,
  };
}
