import { COMPONENTS_VERSION } from './version.js';

/**
 * Why versioned tags: a page can hold several plugin bundles (IIFEs), each with its own copy
 * of these components, and `customElements.define` throws when a tag is taken — in the real
 * Infinity Connect that would crash the app. Each release registers `<base>-v<version>`, so two
 * releases never fight over a tag, and the same release loaded twice reuses the first copy.
 */

/** What `defineElement` reads on a constructor to decide whether an existing definition is compatible. */
export interface VersionedElementClass extends CustomElementConstructor {
  readonly ipkComponentVersion: string;
  /** Prepares the class before it is registered (`IpkElement` installs its property accessors). */
  finalize?(): void;
}

const CUSTOM_ELEMENT_BASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** `ipk-dialog` + `0.1.0-beta.2` → `ipk-dialog-v0-1-0-beta-2` (a valid custom-element name). */
export function versionedTagName(baseTag: string, version: string): string {
  if (!CUSTOM_ELEMENT_BASE.test(baseTag)) {
    throw new Error(
      `"${baseTag}" is not a usable custom-element base name: use lowercase letters and digits with at least one hyphen, e.g. "ipk-dialog".`,
    );
  }
  const stamp = version
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (stamp === '') {
    throw new Error(`Version "${version}" has no letters or digits to put in a tag name.`);
  }
  return `${baseTag}-v${stamp}`;
}

/**
 * Registers `elementClass` under `<baseTag>-v<version>` and returns the tag to use. Never throws
 * because a tag is taken: the same version already defined (another bundle of this release) is
 * reused; a foreign or incompatible definition makes it take the next free `-2`, `-3`… name.
 */
export function defineElement(
  baseTag: string,
  elementClass: VersionedElementClass,
  registry: CustomElementRegistry = customElements,
): string {
  const tag = versionedTagName(baseTag, elementClass.ipkComponentVersion);
  for (let attempt = 1; attempt < 100; attempt++) {
    const candidate = attempt === 1 ? tag : `${tag}-${attempt}`;
    const existing = registry.get(candidate);
    if (existing === undefined) {
      if (registry.getName?.(elementClass) != null) {
        // The very same class is registered elsewhere (a second `defineElement` call):
        // a class can only be defined once, so reuse that name.
        return registry.getName(elementClass) as string;
      }
      elementClass.finalize?.();
      registry.define(candidate, elementClass);
      return candidate;
    }
    // Compatible: the same class, or the same release from another bundle.
    const existingVersion = (existing as Partial<VersionedElementClass>).ipkComponentVersion;
    if (existingVersion === elementClass.ipkComponentVersion) return candidate;
    if (attempt === 1) {
      console.warn(
        `[@ipk/dialogs] <${tag}> is already defined by something that is not @ipk/dialogs ${elementClass.ipkComponentVersion}; using a suffixed tag instead.`,
      );
    }
  }
  throw new Error(`[@ipk/dialogs] could not find a free tag name for <${tag}> after 99 tries.`);
}

export { COMPONENTS_VERSION };
