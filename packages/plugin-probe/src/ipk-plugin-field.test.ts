import { describe, expect, it } from 'vitest';
import { hasIpkPluginField, readIpkPluginField } from './ipk-plugin-field.js';

describe('readIpkPluginField', () => {
  it('reads the package file name, the plugin name and enabled (true unless said)', () => {
    expect(
      readIpkPluginField({ ipkPlugin: { packageFile: 'recording.plugin.package.json' } }, 'p.json'),
    ).toEqual({ packageFile: 'recording.plugin.package.json', name: 'recording', enabled: true });
    expect(
      readIpkPluginField(
        { ipkPlugin: { packageFile: 'quiet.plugin.package.json', enabled: false } },
        'p.json',
      ).enabled,
    ).toBe(false);
  });

  it.each([
    [{}, /p\.json: needs "ipkPlugin": \{"packageFile"/],
    [{ ipkPlugin: true }, /p\.json: needs "ipkPlugin"/],
    [
      { ipkPlugin: { packageFile: 'dist/a.plugin.package.json' } },
      /ipkPlugin\.packageFile is "dist\/a\.plugin\.package\.json"; it must be a file name/,
    ],
    [{ ipkPlugin: { packageFile: 'a.json' } }, /ending in "\.plugin\.package\.json"/],
    [{ ipkPlugin: { packageFile: '.plugin.package.json' } }, /it must be a file name/],
    [
      { ipkPlugin: { packageFile: 'a.plugin.package.json', enabled: 'yes' } },
      /ipkPlugin\.enabled is "yes"; it must be true or false/,
    ],
  ])('refuses %j with what to write', (manifest, message) => {
    expect(() => readIpkPluginField(manifest, 'p.json')).toThrow(message);
  });

  it('tells a plugin workspace by the presence of the field', () => {
    expect(hasIpkPluginField({ ipkPlugin: {} })).toBe(true);
    expect(hasIpkPluginField({ name: 'x' })).toBe(false);
  });
});
