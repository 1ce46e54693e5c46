import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
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
    expect(out).toMatch(
      /^✓ {2}layout-switch-plugin-1\.0 {2}webapp2\/plugins\/layout-switch\/layout-switch\.plugin\.package\.json {2}actions: openLayoutDialog$/m,
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
    expect(out).toMatch(/^✗ {2}snapshot-plugin-1\.0 /m);
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
    expect(err).toContain('• Writing dist/branding/webapp2/ and dist/branding.zip');
    expect(out).toMatch(/^Branding package ready$/m);
    expect(out).toMatch(
      /^ {2}hello-plugin-1\.0 +enabled +[\d.]+ (B|KiB) +webapp2\/plugins\/hello\/$/m,
    );
    expect(out).toMatch(/^ {2}brandingID: +\d{13}$/m);
    expect(out).toMatch(/^ {2}zip: +dist\/branding\.zip \([\d.]+ (B|KiB)\)$/m);

    const checked = await run(['check', 'dist/branding.zip'], root);
    expect(checked.code).toBe(0);
  });

  it('keeps a plugin the --base package has switched off, and says so in the summary', async () => {
    const root = await copyFixtureRepo();
    folders.push(root);
    const base = join(root, 'portal.zip');
    const settings = {
      plugins: [
        {
          id: 'hello-plugin-1.0',
          srcURL: 'plugins/hello/hello.plugin.package.json',
          enabled: false,
        },
      ],
    };
    await writeFile(
      base,
      writeZip(new Map([['webapp2/settings.json', json(settings)]]), new Date()),
    );
    const { code, out } = await run(['build', '--base', 'portal.zip'], root);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^ {2}hello-plugin-1\.0 +disabled \(as in the base package\) +[\d.]+ (B|KiB) +webapp2\/plugins\/hello\/$/m,
    );
    expect(out).toContain(
      'Kept disabled as the base package has them: hello-plugin-1.0 (switch one on with --enable <id>=true).',
    );
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

describe('ipk-branding: each subcommand has its own --help', () => {
  it.each([
    ['build', '--base <zip>'],
    ['check', '--strict'],
  ])(
    '%s --help: its arguments and options, the ZIP limit flags, exit 0',
    async (command, option) => {
      const { code, out, err } = await run([command, '--help'], '/');
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toContain(`Usage: ipk-branding ${command} [options]`);
      expect(out).toContain(option);
      expect(out).toMatch(
        /--zip-max-total <size> +most bytes all ZIP entries may expand to \(default:\s+200 MiB\)/,
      );
    },
  );

  it('--help states the ZIP limits and how to raise them', async () => {
    const { out } = await run(['--help'], '/');
    expect(out).toContain(
      'ZIP limits (a --base, --previous or checked ZIP; a branding package is a few MB):',
    );
    expect(out).toMatch(/^ {2}at most 200 MiB expanded in all +--zip-max-total <size>$/m);
    expect(out).toMatch(
      /^ {2}at most 100-fold expansion of an entry over 1 MiB {2}--zip-max-ratio <n>$/m,
    );
    expect(out).toContain('Raise a limit with its flag, e.g. --zip-max-total 1GiB');
  });

  it('suggests the option or command meant, and exits 2', async () => {
    const option = await run(['check', 'x.zip', '--jsn'], '/');
    expect(option.code).toBe(2);
    expect(option.err).toContain("error: unknown option '--jsn'\n(Did you mean --json?)");
    const command = await run(['chek'], '/');
    expect(command.code).toBe(2);
    expect(command.err).toContain("error: unknown command 'chek'\n(Did you mean check?)");
  });
});

describe('ipk-branding: ZIP limits on the command line', () => {
  it('refuses a ZIP beyond a limit, names the flag, and takes the flag to raise it', async () => {
    const zip = await galleryZip((tree) =>
      tree.set('webapp2/blank.bin', new Uint8Array(2 * 1024 * 1024)),
    );
    const refused = await run(['check', zip], '/');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /refused before anything was inflated: "webapp2\/blank\.bin" expands \d+-fold .*\(--zip-max-ratio\)/,
    );
    const raised = await run(['check', zip, '--zip-max-ratio', '100000'], '/');
    expect(raised.code).toBe(0);
  });

  it('exits 2 for a size it cannot read', async () => {
    const { code, err } = await run(['check', 'x.zip', '--zip-max-total', '12q'], '/');
    expect(code).toBe(2);
    expect(err).toContain(
      "option '--zip-max-total <size>' argument '12q' is invalid. expected a size such as 500k, 200MB or 1GiB.",
    );
  });

  it('reports two entries for one path as an error of the package', async () => {
    const zip = await galleryZip();
    const { zipSync, unzipSync } = await import('fflate');
    const entries = unzipSync(await readFile(zip));
    entries['webapp2\\manifest.json'] = entries['webapp2/manifest.json'] ?? new Uint8Array();
    await writeFile(zip, zipSync(entries));
    const { code, out } = await run(['check', zip], '/');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^webapp2\/manifest\.json error \(root\): the ZIP holds more than one entry for this path/m,
    );
  });
});

describe('ipk-branding usage', () => {
  it('prints usage with --help and exits 0', async () => {
    const { code, out } = await run(['--help'], '/');
    expect(code).toBe(0);
    expect(out).toContain('Usage: ipk-branding [options] [command]');
    expect(out).toMatch(/^ {2}check \[options\] <dir\|zip> /m);
  });

  it('exits 2 for an unknown command or flag', async () => {
    expect((await run(['publish'], '/')).code).toBe(2);
    expect((await run(['check', 'x.zip', '--jsn'], '/')).code).toBe(2);
  });
});
