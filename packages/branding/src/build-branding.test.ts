import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  copyFixtureRepo,
  GALLERY,
  json,
  readJson,
  HOSTILE,
  readText,
  removeFolder,
  text,
  WILD,
} from '../test/fixture-trees.js';
import { BuildInputError, buildBranding, type BuildOptions } from './build-branding.js';
import { readDirTree } from './file-tree-io.js';
import { readZip, writeZip, type FileTree } from './zip-archive.js';

// Info-ZIP's unzip checks the ZIP independently where it is installed (Debian: apt-get install unzip);
// without it those tests are skipped and the re-read with the ZIP library still runs.
const UNZIP = '/usr/bin/unzip';
const NOW = 1_764_150_000_000;
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeFolder));
});

async function fixtureRepo(): Promise<string> {
  const root = await copyFixtureRepo();
  folders.push(root);
  return root;
}

async function build(root: string, options: BuildOptions = {}) {
  return buildBranding({ cwd: root, now: () => NOW, ...options });
}

async function writeBaseZip(root: string, name: string, files: FileTree): Promise<string> {
  const path = join(root, name);
  await writeFile(path, writeZip(files, new Date(NOW)));
  return path;
}

/** A Management Node download: styling files, no settings.json, no manifest.json (seed, "Deploying your plugins"). */
function managementNodeDownload(): FileTree {
  return new Map([
    ['webapp2/themes/default/logo.svg', text('<svg id="logo"/>')],
    ['webapp2/css/custom.css', text('body { color: navy; }')],
  ]);
}

/** A Branding Portal package: its own settings (other keys, a portal plugin) and manifest. */
function brandingPortalPackage(): FileTree {
  return new Map([
    ['webapp2/themes/default/logo.svg', text('<svg id="logo"/>')],
    [
      'webapp2/settings.json',
      json({
        defaultBandwidth: 1264,
        language: 'nb',
        plugins: [
          {
            id: 'portal-sample-1.0',
            srcURL: 'plugins/portal-sample/portal-sample.plugin.package.json',
            enabled: false,
          },
          {
            id: 'hello-plugin-1.0',
            srcURL: 'plugins/hello/hello.plugin.package.json',
            enabled: false,
          },
        ],
      }),
    ],
    [
      'webapp2/manifest.json',
      json({ brandingID: '1900000000000', isSettingsBranded: true, isStylesBranded: true }),
    ],
    ...portalSamplePlugin(),
    ['webapp2/plugins/hello/stale-file-from-an-old-version.js', text('old')],
  ]);
}

function portalSamplePlugin(): [string, Uint8Array][] {
  const folder = 'webapp2/plugins/portal-sample';
  return [
    [
      `${folder}/portal-sample.plugin.package.json`,
      json({
        id: 'portal-sample-1.0',
        name: 'portal-sample',
        description: 'From the Branding Portal',
        version: 1,
        srcURL: 'portal-sample.plugin.js',
        allowUnload: true,
        platforms: ['web'],
        participantRoles: ['chair'],
        menuItems: { toolbar: [{ icon: null, label: 'Sample', action: 'run' }] },
      }),
    ],
    [
      `${folder}/portal-sample.plugin.js`,
      text(
        "(function(){PEX.pluginAPI.registerPlugin({id:'portal-sample-1.0',load:function(){},unload:function(){},run:function(){}});})();",
      ),
    ],
  ];
}

describe('buildBranding', () => {
  it('packages every plugins/* workspace with an ipkPlugin field into dist/branding/webapp2 and dist/branding.zip', async () => {
    const root = await fixtureRepo();
    const lines: string[] = [];
    const result = await build(root, { onProgress: (line) => lines.push(line) });

    expect(result.ok).toBe(true);
    expect(result.webapp2Dir).toBe(join(root, 'dist', 'branding', 'webapp2'));
    expect(result.zipFile).toBe(join(root, 'dist', 'branding.zip'));
    const folder = await readDirTree(result.webapp2Dir);
    expect([...folder.keys()].sort()).toEqual([
      'manifest.json',
      'plugins/hello/assets/wave.svg',
      'plugins/hello/hello.plugin.js',
      'plugins/hello/hello.plugin.js.map',
      'plugins/hello/hello.plugin.package.json',
      'plugins/quiet/assets/hush.svg',
      'plugins/quiet/quiet.plugin.js',
      'plugins/quiet/quiet.plugin.package.json',
      'settings.json',
    ]);
    expect(readJson(folder, 'settings.json')).toEqual({
      plugins: [
        {
          id: 'hello-plugin-1.0',
          srcURL: 'plugins/hello/hello.plugin.package.json',
          enabled: true,
        },
        {
          id: 'quiet-plugin-1.0',
          srcURL: 'plugins/quiet/quiet.plugin.package.json',
          enabled: false,
        },
      ],
    });
    expect(readJson(folder, 'manifest.json')).toEqual({
      brandingID: String(NOW),
      isSettingsBranded: true,
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'Reading plugin plugins/hello',
        expect.stringMatching(
          /^Adding quiet-plugin-1\.0 to webapp2\/plugins\/quiet\/ \(3 files, disabled by default\)$/,
        ),
        'Writing dist/branding/webapp2/ and dist/branding.zip',
      ]),
    );
  });

  it('writes a ZIP holding exactly the folder the mock node serves, in sorted order', async () => {
    const root = await fixtureRepo();
    const result = await build(root);
    const zipped = readZip(await readFile(result.zipFile), result.zipFile).files;
    const folder = await readDirTree(join(root, 'dist', 'branding'));
    folder.delete('.ipk-branding-output');
    expect([...zipped.keys()]).toEqual([...folder.keys()].sort());
    for (const [path, bytes] of folder)
      expect(Buffer.from(zipped.get(path) ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(result.zipBytes).toBe((await readFile(result.zipFile)).byteLength);
  });

  it.skipIf(!existsSync(UNZIP))('writes a ZIP that unzip -t tests without errors', async () => {
    const root = await fixtureRepo();
    const result = await build(root);
    expect(execFileSync(UNZIP, ['-t', result.zipFile], { encoding: 'utf8' })).toContain(
      'No errors detected',
    );
  });

  it('gives every build a new, greater brandingID, even within the same millisecond', async () => {
    const root = await fixtureRepo();
    const first = await build(root);
    const second = await build(root);
    const third = await build(root, { previous: ['9999999999999'] });
    expect([first.brandingID, second.brandingID, third.brandingID]).toEqual([
      String(NOW),
      String(NOW + 1),
      '10000000000000',
    ]);
  });

  it('lets --enable override a plugin default by id or by name', async () => {
    const root = await fixtureRepo();
    const result = await build(root, { enable: { 'hello-plugin-1.0': false, quiet: true } });
    expect(result.plugins.map((plugin) => [plugin.name, plugin.enabled])).toEqual([
      ['hello', false],
      ['quiet', true],
    ]);
  });

  it('refuses an --enable that names no plugin', async () => {
    const root = await fixtureRepo();
    await expect(build(root, { enable: { helo: true } })).rejects.toThrow(
      /--enable names no plugin being packaged: helo/,
    );
  });

  it('takes the plugin folders it is given, including ready-made webapp2 plugin folders', async () => {
    const root = await fixtureRepo();
    const result = await build(root, {
      pluginDirs: ['plugins/hello', join(GALLERY, 'layout-switch'), join(GALLERY, 'send-to-lobby')],
    });
    expect(result.ok).toBe(true);
    expect(result.plugins.map((plugin) => plugin.srcURL)).toEqual([
      'plugins/hello/hello.plugin.package.json',
      'plugins/layout-switch/layout-switch.plugin.package.json',
      'plugins/send-to-lobby/send-to-lobby.plugin.package.json',
    ]);
  });

  it("takes a ready-made folder whose package file is plugin.json, as Pexip's webpack template writes it", async () => {
    const root = await fixtureRepo();
    const result = await build(root, { pluginDirs: [join(WILD, 'config-reader')] });
    expect(result.ok).toBe(true);
    expect(result.plugins.map((plugin) => [plugin.name, plugin.srcURL])).toEqual([
      ['config-reader', 'plugins/config-reader/plugin.json'],
    ]);
    // Its load() reads plugin.json where a Conferencing Node serves it; the check's probe host
    // answers that fetch from the package, so no "load() rejects" false alarm.
    expect(result.check.issues.map((issue) => `${issue.pointer}: ${issue.message}`)).toEqual([
      '/configuration: configuration is not in the Pexip guide; webapp2 ignores it (the plugin may fetch and read it itself)',
    ]);
  });

  it('names a JSON file that does not parse when a folder has no package file', async () => {
    const root = await fixtureRepo();
    const folder = join(root, 'broken-plugin');
    await mkdir(folder);
    await writeFile(join(folder, 'plugin.json'), '{ "id": "broken", ');
    await writeFile(join(folder, 'index.js'), '');
    await expect(build(root, { pluginDirs: ['broken-plugin'] })).rejects.toThrow(
      'broken-plugin: not a plugin: no "ipkPlugin" field in package.json, no *.plugin.package.json file and no other JSON file with an "id" and a "srcURL" (not valid JSON: plugin.json)',
    );
  });

  it('says how to build a plugin that has not been built', async () => {
    const root = await fixtureRepo();
    await removeFolder(join(root, 'plugins', 'quiet', 'dist'));
    await expect(build(root)).rejects.toThrow(
      'plugins/quiet: not built (dist/quiet.plugin.package.json is missing). Run "npm run build -w @fixture/plugin-quiet"',
    );
  });

  it('writes nothing when the result has errors, and reports them', async () => {
    const root = await fixtureRepo();
    const packageFile = join(root, 'plugins', 'hello', 'dist', 'hello.plugin.package.json');
    await writeFile(
      packageFile,
      (await readFile(packageFile, 'utf8')).replace('"sayHello"', '"sayGoodbye"'),
    );
    const result = await build(root);
    expect(result.ok).toBe(false);
    expect(result.check.issues).toEqual([
      expect.objectContaining({
        file: 'webapp2/plugins/hello/hello.plugin.package.json',
        pointer: '/menuItems/toolbar/0/action',
      }),
    ]);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('refuses to empty an output folder it did not write', async () => {
    const root = await fixtureRepo();
    await mkdir(join(root, 'precious'));
    await writeFile(join(root, 'precious', 'thesis.txt'), 'do not delete');
    await expect(build(root, { outDir: 'precious' })).rejects.toThrow(
      /not written by ipk-branding/,
    );
    expect(await readdir(join(root, 'precious'))).toEqual(['thesis.txt']);
  });
});

describe('buildBranding --base', () => {
  it('merges into a Management Node download: keeps its files, creates settings.json and a two-key manifest', async () => {
    const root = await fixtureRepo();
    const base = await writeBaseZip(root, 'downloaded.zip', managementNodeDownload());
    const result = await build(root, { base });
    expect(result.base).toMatchObject({ kind: 'management-node-download', keptFiles: 2 });
    const zipped = readZip(await readFile(result.zipFile), 'branding.zip').files;
    expect(readText(zipped, 'webapp2/css/custom.css')).toBe('body { color: navy; }');
    expect(zipped.has('webapp2/themes/default/logo.svg')).toBe(true);
    expect(readJson(zipped, 'webapp2/manifest.json')).toEqual({
      brandingID: String(NOW),
      isSettingsBranded: true,
    });
    expect(
      (readJson(zipped, 'webapp2/settings.json') as { plugins: unknown[] }).plugins,
    ).toHaveLength(2);
  });

  it('moves a base that is the content of the webapp2 folder under webapp2/', async () => {
    const root = await fixtureRepo();
    const base = await writeBaseZip(root, 'flat.zip', new Map([['css/custom.css', text('a{}')]]));
    const result = await build(root, { base });
    expect(existsSync(join(result.webapp2Dir, 'css', 'custom.css'))).toBe(true);
  });

  it('merges into a Branding Portal package: keeps other settings, plugins and manifest flags, replaces ours', async () => {
    const root = await fixtureRepo();
    const base = await writeBaseZip(root, 'portal.zip', brandingPortalPackage());
    const result = await build(root, { base });
    expect(result.ok).toBe(true);
    expect(result.base?.kind).toBe('branding-portal-package');
    const zipped = readZip(await readFile(result.zipFile), 'branding.zip').files;
    expect(readJson(zipped, 'webapp2/settings.json')).toEqual({
      defaultBandwidth: 1264,
      language: 'nb',
      plugins: [
        {
          id: 'portal-sample-1.0',
          srcURL: 'plugins/portal-sample/portal-sample.plugin.package.json',
          enabled: false,
        },
        // The base has it switched off: an administrator's choice the merge keeps.
        {
          id: 'hello-plugin-1.0',
          srcURL: 'plugins/hello/hello.plugin.package.json',
          enabled: false,
        },
        {
          id: 'quiet-plugin-1.0',
          srcURL: 'plugins/quiet/quiet.plugin.package.json',
          enabled: false,
        },
      ],
    });
    expect(readJson(zipped, 'webapp2/manifest.json')).toEqual({
      brandingID: '1900000000001',
      isSettingsBranded: true,
      isStylesBranded: true,
    });
    expect(zipped.has('webapp2/plugins/portal-sample/portal-sample.plugin.js')).toBe(true);
    expect(zipped.has('webapp2/plugins/hello/stale-file-from-an-old-version.js')).toBe(false);
  });

  it('refuses a base ZIP with entries that climb out of the target, and writes nothing', async () => {
    const root = await fixtureRepo();
    const base = join(root, 'evil.zip');
    await writeFile(
      base,
      zipSync({
        'webapp2/settings.json': text('{"plugins": []}'),
        '../../evil.sh': text('rm -rf ~'),
      }),
    );
    await expect(build(root, { base })).rejects.toThrow(
      /refusing an entry that would be written outside the target folder .*"\.\.\/\.\.\/evil\.sh"/,
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(existsSync(join(root, '..', 'evil.sh'))).toBe(false);
  });

  it('refuses a base whose settings.json is not valid JSON, pointing at line and column', async () => {
    const root = await fixtureRepo();
    const base = await writeBaseZip(
      root,
      'broken.zip',
      new Map([['webapp2/settings.json', text('{\n  "plugins": [,]\n}')]]),
    );
    const failure = build(root, { base });
    await expect(failure).rejects.toBeInstanceOf(BuildInputError);
    await expect(failure).rejects.toThrow(/webapp2\/settings\.json:2:15 error/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it("keeps a plugin's enabled from the base package and says so, unless --enable says otherwise", async () => {
    const root = await fixtureRepo();
    const base = await writeBaseZip(root, 'portal.zip', brandingPortalPackage());
    const progress: string[] = [];
    const kept = await build(root, { base, onProgress: (line) => progress.push(line) });
    expect(kept.plugins.find((plugin) => plugin.id === 'hello-plugin-1.0')).toMatchObject({
      enabled: false,
      enabledBy: 'base',
    });
    expect(progress).toContainEqual(
      expect.stringContaining(
        'disabled kept from the base package; --enable hello-plugin-1.0=true to change it',
      ),
    );
    const asked = await build(root, { base, enable: { 'hello-plugin-1.0': true } });
    expect(asked.plugins.find((plugin) => plugin.id === 'hello-plugin-1.0')).toMatchObject({
      enabled: true,
      enabledBy: 'option',
    });
    const zipped = readZip(await readFile(asked.zipFile), 'branding.zip').files;
    expect(
      (
        readJson(zipped, 'webapp2/settings.json') as { plugins: { id: string; enabled: boolean }[] }
      ).plugins.find((plugin) => plugin.id === 'hello-plugin-1.0')?.enabled,
    ).toBe(true);
  });

  it('refuses a base ZIP that holds two entries for one path, and writes nothing', async () => {
    const root = await fixtureRepo();
    const base = join(root, 'twice.zip');
    await writeFile(
      base,
      zipSync({ 'webapp2/css/a.css': text('a{}'), 'webapp2\\css\\a.css': text('b{}') }),
    );
    await expect(build(root, { base })).rejects.toThrow(
      /the ZIP holds more than one entry for webapp2\/css\/a\.css; which one unzip tools keep is not defined/,
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('refuses a ZIP bomb as --base from its headers, before inflating or writing anything', async () => {
    const root = await fixtureRepo();
    const bomb = zipSync({ 'webapp2/big.bin': new Uint8Array(1024 * 1024) });
    const view = new DataView(bomb.buffer);
    for (let offset = 0; offset + 4 <= bomb.length; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 2 ** 30, true);
    }
    const base = join(root, 'bomb.zip');
    await writeFile(base, bomb);
    await expect(build(root, { base })).rejects.toThrow(
      /bomb\.zip: refused before anything was inflated: "webapp2\/big\.bin" expands to 1024 MiB/,
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('buildBranding: a failed build leaves the previous output as it was', () => {
  async function previousOutput(root: string): Promise<{ manifest: string; marker: boolean }> {
    return {
      manifest: await readFile(join(root, 'dist', 'branding', 'webapp2', 'manifest.json'), 'utf8'),
      marker: existsSync(join(root, 'dist', 'branding', '.ipk-branding-output')),
    };
  }

  it('when the base holds a file where a folder must go (the write fails half way)', async () => {
    const root = await fixtureRepo();
    await build(root, { now: () => NOW });
    const before = await previousOutput(root);
    const base = await writeBaseZip(
      root,
      'clash.zip',
      new Map([
        ['webapp2/css', text('a file')],
        ['webapp2/css/custom.css', text('a{}')],
      ]),
    );
    await expect(build(root, { base, now: () => NOW + 1000 })).rejects.toThrow(
      /the previous output is as it was/,
    );
    expect(await previousOutput(root)).toEqual(before);
    expect(before.marker).toBe(true);
    expect((await readdir(join(root, 'dist'))).sort()).toEqual(['branding', 'branding.zip']);
  });

  it('when the ZIP cannot be written', async () => {
    const root = await fixtureRepo();
    await build(root, { now: () => NOW });
    const before = await previousOutput(root);
    await mkdir(join(root, 'zip-is-a-folder'));
    await writeFile(join(root, 'zip-is-a-folder', 'keep.txt'), 'x');
    await expect(
      build(root, { zipFile: 'zip-is-a-folder', now: () => NOW + 1000 }),
    ).rejects.toThrow(BuildInputError);
    expect(await previousOutput(root)).toEqual(before);
    expect(await readdir(join(root, 'dist'))).toEqual(
      expect.arrayContaining(['branding', 'branding.zip']),
    );
    expect((await readdir(join(root, 'dist'))).filter((name) => name.includes('staging'))).toEqual(
      [],
    );
  });
});

describe('buildBranding: the ZIP inside the output folder', () => {
  it('is swapped in with the folder, build after build', async () => {
    const root = await fixtureRepo();
    const options = { outDir: 'out', zipFile: 'out/branding.zip' };
    await build(root, { ...options, now: () => NOW });
    const second = await build(root, { ...options, now: () => NOW + 1000 });
    const zipped = readZip(await readFile(join(root, 'out', 'branding.zip')), 'branding.zip').files;
    expect(readJson(zipped, 'webapp2/manifest.json')).toMatchObject({
      brandingID: second.brandingID,
    });
    expect((await readdir(join(root, 'out'))).sort()).toEqual([
      '.ipk-branding-output',
      'branding.zip',
      'webapp2',
    ]);
    expect(
      (await readdir(root)).filter((name) => name.includes('staging') || name.includes('previous')),
    ).toEqual([]);
  });
});

describe('buildBranding: hostile plugin sources', () => {
  it('stops a source whose thrown message never returns, or that allocates without end, and writes nothing', async () => {
    const root = await fixtureRepo();
    const looping = await build(root, {
      pluginDirs: [join(HOSTILE, 'looping-message')],
      probe: { timeoutMs: 500, memoryLimitMb: 64 },
    });
    expect(looping.check.issues).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('could not be described within 500 ms'),
      }),
    );
    // A time limit the allocation cannot outlast even on a loaded machine: the memory limit is
    // what stops it (with 500 ms, a slow machine may stop it for time first).
    const hogRoot = await fixtureRepo();
    const hog = await build(hogRoot, {
      pluginDirs: [join(HOSTILE, 'memory-hog')],
      probe: { timeoutMs: 20_000, memoryLimitMb: 64 },
    });
    expect(hog.ok).toBe(false);
    expect(hog.check.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message:
          'was stopped: used more than 64 MB (allocating without end?); the probe was stopped',
      }),
    );
    expect(existsSync(join(hogRoot, 'dist'))).toBe(false);
  });
});
