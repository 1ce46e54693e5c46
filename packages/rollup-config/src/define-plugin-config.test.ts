import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_ID,
  buildFixture,
  removeFixtures,
  type FixtureBuild,
  validFixture,
  writeFixture,
  type FixturePlugin,
} from './fixture-plugin.fixture.js';
import { bundlePlugin } from './bundle-plugin.js';

afterAll(removeFixtures);

function withPackageFile(change: (packageFile: Record<string, unknown>) => void): FixturePlugin {
  const fixture = validFixture();
  if (typeof fixture.packageFile !== 'string') change(fixture.packageFile);
  return fixture;
}

function toolbarItem(packageFile: Record<string, unknown>): Record<string, unknown> {
  const menuItems = packageFile['menuItems'] as { toolbar: Record<string, unknown>[] };
  const item = menuItems.toolbar[0];
  if (!item) throw new Error('fixture has no toolbar item');
  return item;
}

describe('definePluginConfig: a valid plugin', () => {
  // One minified build shared by the read-only checks below (a terser build costs ~0.5 s).
  let built: FixtureBuild;
  beforeAll(async () => {
    built = await buildFixture(validFixture(), true);
  });

  it('writes the agreed dist/ layout: bundle, source map, package file and optimised icons', async () => {
    const { root } = built;
    const dist = (file: string) => readFile(path.join(root, 'dist', file), 'utf8');

    const bundle = await dist('fixture.plugin.js');
    expect(bundle).toMatch(/^!function\(\)\{"use strict";/);
    expect(bundle).toContain('//# sourceMappingURL=fixture.plugin.js.map');
    const map = JSON.parse(await dist('fixture.plugin.js.map')) as { sources: string[] };
    expect(map.sources).toEqual(['../src/index.ts']);
    expect(JSON.parse(await dist('fixture.plugin.package.json'))).toMatchObject({ id: FIXTURE_ID });

    const icon = await dist('assets/bell.svg');
    expect(icon).toContain('id="bell"');
    expect(icon).not.toContain('<!--');
    expect(icon).not.toContain('<?xml');
    expect(icon.length).toBeLessThan(validFixture().icons['bell.svg']?.length ?? 0);
  });

  it('produces one classic script: it compiles as a script, so no import or export is left', async () => {
    const [chunk] = built.output;
    expect(() => new vm.Script(chunk.code)).not.toThrow();
    expect(chunk.code).not.toMatch(/\bimport\s*[{(*]|\bexport\s*[{*]/);
  });

  it('leaks nothing to window and registers the plugin when evaluated', async () => {
    const { output } = built;
    const registered: unknown[] = [];
    const state = { next: () => undefined };
    const context = vm.createContext({
      PEX: {
        pluginAPI: {
          registerPlugin: (p: unknown) => registered.push(p),
          createNewState: () => state,
        },
      },
    });
    context['window'] = context;
    const before = vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
    vm.runInContext(output[0].code, context);
    const after = vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];

    expect(after.filter((name) => !before.includes(name))).toEqual([]);
    expect(registered).toEqual([expect.objectContaining({ id: FIXTURE_ID })]);
  });

  it('reports the gzipped size of the bundle', async () => {
    const { sizes, output } = built;
    expect(sizes).toEqual([
      {
        fileName: 'fixture.plugin.js',
        bytes: Buffer.byteLength(output[0].code),
        gzipBytes: expect.any(Number),
      },
    ]);
    expect(sizes[0]?.gzipBytes).toBeGreaterThan(0);
  });

  it('warns about an icon that nothing references, without failing', async () => {
    const fixture = validFixture();
    fixture.icons['unused.svg'] = '<svg xmlns="http://www.w3.org/2000/svg" id="unused"/>';
    const { warnings } = await buildFixture(fixture);
    expect(warnings).toContainEqual(
      expect.stringContaining('assets/unused.svg warning (root): is not used by the package file'),
    );
  });
  it('warns about a registered function no menu item calls, and a missing unload', async () => {
    const fixture = validFixture();
    fixture.source = fixture.source.replace(
      'load() {}, unload() {}, ring,',
      'load() {}, ring, chime() {},',
    );
    const { warnings } = await buildFixture(fixture);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'fixture.plugin.js warning (root): registerPlugin is given no unload function',
        ),
        expect.stringMatching(
          /fixture\.plugin\.package\.json:\d+:\d+ warning \/menuItems: registerPlugin registers chime\(\) but no menu item calls it/,
        ),
      ]),
    );
  });

  it("passes the package file validator's warnings on, without failing", async () => {
    const fixture = withPackageFile((packageFile) => (packageFile['version'] = '1.0'));
    const { warnings } = await buildFixture(fixture);
    expect(warnings).toContainEqual(
      expect.stringMatching(/fixture\.plugin\.package\.json:\d+:\d+ warning \/version/),
    );
  });
});

describe('definePluginConfig: the build fails with a clear message when', () => {
  it('the plugin id differs between the package file and registerPlugin', async () => {
    const fixture = withPackageFile((packageFile) => (packageFile['id'] = 'other-plugin-2.0'));
    await expect(buildFixture(fixture)).rejects.toThrow(
      /fixture\.plugin\.package\.json:2:3 error \/id: plugin id mismatch: the package file's id is "other-plugin-2\.0" but fixture\.plugin\.js calls registerPlugin with id "fixture-plugin-1\.0"/,
    );
  });

  it('a menu item action names no registered function', async () => {
    const fixture = withPackageFile((packageFile) => (toolbarItem(packageFile)['action'] = 'rang'));
    await expect(buildFixture(fixture)).rejects.toThrow(
      /fixture\.plugin\.package\.json:\d+:\d+ error \/menuItems\/toolbar\/0\/action: action "rang" is not passed to registerPlugin \(registered actions: ring\)/,
    );
  });

  it('a package file icon names an id the SVG does not have', async () => {
    const fixture = withPackageFile(
      (packageFile) => (toolbarItem(packageFile)['icon'] = 'assets/bell.svg#bel'),
    );
    await expect(buildFixture(fixture)).rejects.toThrow(
      /\/menuItems\/toolbar\/0\/icon: icon "assets\/bell\.svg#bel": assets\/bell\.svg has no element with id="bel" \(its ids: bell\)/,
    );
  });

  it('a package file icon names a file that does not exist', async () => {
    const fixture = withPackageFile(
      (packageFile) => (toolbarItem(packageFile)['icon'] = 'assets/gong.svg#gong'),
    );
    await expect(buildFixture(fixture)).rejects.toThrow(
      /icon "assets\/gong\.svg#gong": there is no assets\/gong\.svg in the package/,
    );
  });

  it('an icon the source sets through state$ has the wrong id', async () => {
    const fixture = validFixture();
    fixture.source = fixture.source.replace('bell-off.svg#bell-off', 'bell-off.svg#belloff');
    await expect(buildFixture(fixture)).rejects.toThrow(
      /fixture\.plugin\.js error \(root\): sets the icon "assets\/bell-off\.svg#belloff" \(for state\$\): assets\/bell-off\.svg has no element with id="belloff"/,
    );
  });

  it('an SVG has no id at all', async () => {
    const fixture = validFixture();
    fixture.icons['bell-off.svg'] = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>';
    await expect(buildFixture(fixture)).rejects.toThrow(
      /assets\/bell-off\.svg error \(root\): has no id attribute/,
    );
  });

  it('an SVG cannot be parsed', async () => {
    const fixture = validFixture();
    fixture.icons['bell-off.svg'] =
      '<svg xmlns="http://www.w3.org/2000/svg" id="bell-off"><path d="M0 0"</svg>';
    await expect(buildFixture(fixture)).rejects.toThrow(
      /assets\/bell-off\.svg is not a valid SVG: /,
    );
  });

  it('the package file breaks the webapp2 schema (checked by @ipk/plugin-api)', async () => {
    const fixture = withPackageFile(
      (packageFile) => (packageFile['platforms'] = ['web', 'windows']),
    );
    await expect(buildFixture(fixture)).rejects.toThrow(
      /the package file is not valid:\n {2}- fixture\.plugin\.package\.json:\d+:\d+ error \/platforms/,
    );
  });

  it('the package file is not JSON, with the line and column', async () => {
    const fixture = validFixture();
    fixture.packageFile = '{\n  "id": "fixture-plugin-1.0",\n  oops\n}';
    await expect(buildFixture(fixture)).rejects.toThrow(
      /fixture\.plugin\.package\.json:3:\d+ error/,
    );
  });

  it('srcURL does not name the bundle', async () => {
    const fixture = withPackageFile((packageFile) => (packageFile['srcURL'] = 'plugin.js'));
    await expect(buildFixture(fixture)).rejects.toThrow(
      /\/srcURL: srcURL "plugin\.js" names no file beside the package file \(scripts there: fixture\.plugin\.js\)/,
    );
  });

  it('the source never calls registerPlugin', async () => {
    const fixture = validFixture();
    fixture.source = 'console.log("forgot to register");';
    await expect(buildFixture(fixture)).rejects.toThrow(
      /never calls PEX\.pluginAPI\.registerPlugin/,
    );
  });

  it('the source calls registerPlugin twice', async () => {
    const fixture = validFixture();
    fixture.source +=
      '\nPEX.pluginAPI.registerPlugin({ id: "again", load() {}, unload() {}, ring });';
    await expect(buildFixture(fixture)).rejects.toThrow(
      /calls PEX\.pluginAPI\.registerPlugin 2 times/,
    );
  });

  it('the bundle leaves a global on window', async () => {
    const fixture = validFixture();
    fixture.source += '\n(globalThis as unknown as { ringCount: number }).ringCount = 0;';
    await expect(buildFixture(fixture)).rejects.toThrow(/leaves globals on window: ringCount/);
  });

  it('the bundle throws at top level', async () => {
    const fixture = validFixture();
    fixture.source = 'if (Date.now() > 0) throw new Error("not ready");\n' + fixture.source;
    await expect(buildFixture(fixture)).rejects.toThrow(
      /fixture\.plugin\.js:\d+ error \(root\): throws while loading: Error: not ready\. Do the risky work in load\(\) or an action/,
    );
  });

  it('accepts a bundle that defines custom elements at top level and keeps Lit’s shared registries', async () => {
    const fixture = validFixture();
    fixture.source =
      'class RingDial extends HTMLElement {}\n' +
      'if (!customElements.get("ring-dial")) customElements.define("ring-dial", RingDial);\n' +
      '((globalThis as unknown as { litHtmlVersions?: string[] }).litHtmlVersions ??= []).push("3.3.1");\n' +
      fixture.source;
    await expect(buildFixture(fixture)).resolves.toBeDefined();
  });

  it('package.json has no ipkPlugin entry', async () => {
    const fixture = validFixture();
    delete fixture.manifest['ipkPlugin'];
    await expect(buildFixture(fixture)).rejects.toThrow(/needs "ipkPlugin": \{"packageFile"/);
  });
});

describe('bundlePlugin', () => {
  it('returns the same IIFE in memory, without writing dist/', async () => {
    const root = await writeFixture(validFixture());
    const bundle = await bundlePlugin({ root });
    expect(bundle.fileName).toBe('fixture.plugin.js');
    expect(bundle.code).toContain(`id: "${FIXTURE_ID}"`);
    await expect(readFile(path.join(root, 'dist/fixture.plugin.js'))).rejects.toThrow(/ENOENT/);
  });
});
