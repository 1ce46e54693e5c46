import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  copyFixtureRepo,
  galleryBrandingTree,
  json,
  removeFolder,
  temporaryFolder,
} from '../test/fixture-trees.js';
import { runCli } from './run-cli.js';
import { writeZip } from './zip-archive.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeFolder));
});

async function run(
  argv: string[],
  cwd: string,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The gallery package as a ZIP in a temporary folder; `edit` may change it first. */
async function galleryZip(
  edit: (tree: Awaited<ReturnType<typeof galleryBrandingTree>>) => void = () => {},
): Promise<string> {
  const dir = await temporaryFolder();
  folders.push(dir);
  const tree = await galleryBrandingTree();
  edit(tree);
  const file = join(dir, 'branding.zip');
  await writeFile(file, writeZip(tree, new Date()));
  return file;
}

describe('ipk-branding check', () => {
  it('prints each plugin and a verdict, and exits 0 for a good package', async () => {
    const zip = await galleryZip();
    const { code, out } = await run(['check', zip], '/');
    expect(code).toBe(0);
    expect(out).toContain(
      '✓ layout-switch-plugin-1.0  webapp2/plugins/layout-switch/layout-switch.plugin.package.json',
    );
    expect(out).toContain('warning /plugins/1/id: settings id "layout-switch-1.0" differs');
    expect(out).toMatch(
      /: 0 errors, \d+ warnings?\. Ready to upload \(Services > Web App Customization\)\.$/,
    );
  });

  it('exits 1 and names file, line and column when something is wrong', async () => {
    const zip = await galleryZip((tree) =>
      tree.delete('webapp2/plugins/snapshot/assets/images/frame.svg'),
    );
    const { code, out } = await run(['check', zip], '/');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^webapp2\/plugins\/snapshot\/snapshot\.plugin\.package\.json:\d+:\d+ error \/menuItems\/toolbar\/0\/icon: icon "assets\/images\/frame\.svg#frame"/m,
    );
    expect(out).toContain('✗ snapshot-plugin-1.0');
    expect(out).toMatch(/1 error, \d+ warnings?\. Fix the errors before uploading\.$/);
  });

  it('prints a machine-readable report with --json', async () => {
    const zip = await galleryZip((tree) => tree.delete('webapp2/manifest.json'));
    const { code, out } = await run(['check', zip, '--json'], '/');
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      ok: boolean;
      errorCount: number;
      issues: { file: string }[];
      plugins: unknown[];
    };
    expect(report).toMatchObject({ ok: false, errorCount: 1, plugins: expect.any(Array) });
    expect(report.issues[0]).toMatchObject({
      severity: 'error',
      file: 'webapp2/manifest.json',
      pointer: '',
    });
  });

  it('fails on warnings too with --strict', async () => {
    const zip = await galleryZip();
    expect((await run(['check', zip, '--strict'], '/')).code).toBe(1);
  });

  it('fails when the brandingID equals the one in --previous', async () => {
    const zip = await galleryZip();
    const { code, out } = await run(['check', zip, '--previous', zip], '/');
    expect(code).toBe(1);
    expect(out).toContain('brandingID 1521829718679 is the same as in');
  });

  it('exits 2 with a message for a path that does not exist', async () => {
    const { code, err } = await run(['check', 'nowhere.zip'], '/tmp');
    expect(code).toBe(2);
    expect(err).toContain('nowhere.zip: no such file or folder');
  });
});

describe('ipk-branding build', () => {
  it('reports progress on stderr and a summary on stdout', async () => {
    const root = await copyFixtureRepo();
    folders.push(root);
    const { code, out, err } = await run(['build'], root);
    expect(code).toBe(0);
    expect(err).toContain('• Reading plugin plugins/hello');
    expect(err).toContain('• Writing dist/branding.zip');
    expect(out).toMatch(/^Branding package ready$/m);
    expect(out).toMatch(
      /^ {2}hello-plugin-1\.0 +enabled +[\d.]+ (B|KiB) +webapp2\/plugins\/hello\/$/m,
    );
    expect(out).toMatch(/^ {2}brandingID: \d{13}$/m);
    expect(out).toMatch(/^ {2}zip: +dist\/branding\.zip \([\d.]+ (B|KiB)\)$/m);

    const checked = await run(['check', 'dist/branding.zip'], root);
    expect(checked.code).toBe(0);
  });

  it('is quiet with --quiet', async () => {
    const root = await copyFixtureRepo();
    folders.push(root);
    expect((await run(['build', '--quiet'], root)).err).toBe('');
  });

  it('exits 1 and writes nothing when the package would have errors', async () => {
    const root = await copyFixtureRepo();
    folders.push(root);
    await writeFile(
      join(root, 'plugins', 'quiet', 'dist', 'quiet.plugin.package.json'),
      json({ id: 'quiet-plugin-1.0', srcURL: 'quiet.plugin.js' }),
    );
    const { code, out } = await run(['build'], root);
    expect(code).toBe(1);
    expect(out).toMatch(/Build stopped: \d+ errors in the package; nothing was written\.$/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('exits 2 for a malformed --enable', async () => {
    const root = await copyFixtureRepo();
    folders.push(root);
    const { code, err } = await run(['build', '--enable', 'hello'], root);
    expect(code).toBe(2);
    expect(err).toContain('--enable hello: expected <plugin id or name>=true|false');
  });
});

describe('ipk-branding usage', () => {
  it('prints usage with --help and exits 0', async () => {
    const { code, out } = await run(['--help'], '/');
    expect(code).toBe(0);
    expect(out).toContain('ipk-branding check <dir|zip>');
  });

  it('exits 2 for an unknown command or flag', async () => {
    expect((await run(['publish'], '/')).code).toBe(2);
    expect((await run(['check', 'x.zip', '--jsn'], '/')).code).toBe(2);
  });
});
