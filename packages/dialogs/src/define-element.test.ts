import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement, versionedTagName } from './define-element.js';
import type { VersionedElementClass } from './define-element.js';

/** A CustomElementRegistry with the same rules as the browser's for what these tests touch. */
class FakeRegistry {
  readonly byName = new Map<string, CustomElementConstructor>();
  get(name: string): CustomElementConstructor | undefined {
    return this.byName.get(name);
  }
  getName(constructor: CustomElementConstructor): string | null {
    for (const [name, defined] of this.byName) if (defined === constructor) return name;
    return null;
  }
  define(name: string, constructor: CustomElementConstructor): void {
    if (this.byName.has(name)) throw new DOMException(`"${name}" has already been used`);
    if (this.getName(constructor) !== null) throw new DOMException('constructor already used');
    this.byName.set(name, constructor);
  }
}

function elementClass(version: string): VersionedElementClass {
  // Only identity and the static version matter to the registry logic.
  return Object.assign(function FakeElement() {}, {
    ipkComponentVersion: version,
  }) as unknown as VersionedElementClass;
}

function asRegistry(fake: FakeRegistry): CustomElementRegistry {
  return fake as unknown as CustomElementRegistry;
}

afterEach(() => vi.restoreAllMocks());

describe('versionedTagName', () => {
  it('stamps the version into a valid custom-element name', () => {
    expect(versionedTagName('ipk-dialog', '0.1.0')).toBe('ipk-dialog-v0-1-0');
    expect(versionedTagName('ipk-dialog', '1.0.0-Beta.2+build.7')).toBe(
      'ipk-dialog-v1-0-0-beta-2-build-7',
    );
  });

  it('refuses base names that cannot be custom elements', () => {
    expect(() => versionedTagName('dialog', '1.0.0')).toThrow(/not a usable custom-element base/);
    expect(() => versionedTagName('Ipk-Dialog', '1.0.0')).toThrow(/lowercase/);
  });

  it('refuses a version with nothing to stamp', () => {
    expect(() => versionedTagName('ipk-dialog', '..')).toThrow(/no letters or digits/);
  });
});

describe('defineElement', () => {
  it('registers the class under its versioned tag and returns that tag', () => {
    const registry = new FakeRegistry();
    const Dialog = elementClass('0.1.0');
    expect(defineElement('ipk-dialog', Dialog, asRegistry(registry))).toBe('ipk-dialog-v0-1-0');
    expect(registry.get('ipk-dialog-v0-1-0')).toBe(Dialog);
  });

  it('gives two releases two tags, so both bundles keep their own component', () => {
    const registry = new FakeRegistry();
    const older = defineElement('ipk-dialog', elementClass('0.1.0'), asRegistry(registry));
    const newer = defineElement('ipk-dialog', elementClass('0.2.0'), asRegistry(registry));
    expect([older, newer]).toEqual(['ipk-dialog-v0-1-0', 'ipk-dialog-v0-2-0']);
  });

  it('reuses the first definition when another bundle of the same release defines it again, without throwing', () => {
    const registry = new FakeRegistry();
    const first = elementClass('0.1.0');
    defineElement('ipk-dialog', first, asRegistry(registry));
    expect(defineElement('ipk-dialog', elementClass('0.1.0'), asRegistry(registry))).toBe(
      'ipk-dialog-v0-1-0',
    );
    expect(registry.get('ipk-dialog-v0-1-0')).toBe(first);
  });

  it('is idempotent for the very same class', () => {
    const registry = new FakeRegistry();
    const Dialog = elementClass('0.1.0');
    defineElement('ipk-dialog', Dialog, asRegistry(registry));
    expect(defineElement('ipk-dialog', Dialog, asRegistry(registry))).toBe('ipk-dialog-v0-1-0');
  });

  it('steps aside to a suffixed tag, with a warning, when something foreign holds the tag', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const registry = new FakeRegistry();
    registry.define(
      'ipk-dialog-v0-1-0',
      function Foreign() {} as unknown as CustomElementConstructor,
    );
    const Dialog = elementClass('0.1.0');
    expect(defineElement('ipk-dialog', Dialog, asRegistry(registry))).toBe('ipk-dialog-v0-1-0-2');
    expect(registry.get('ipk-dialog-v0-1-0-2')).toBe(Dialog);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('already defined by something'));
  });
});
