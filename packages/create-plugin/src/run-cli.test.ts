import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let cwd: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'ipk-create-'));
  out = [];
  err = [];
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const cli = (...argv: string[]) =>
  runCli(argv, { cwd, out: (line) => out.push(line), err: (line) => err.push(line) });

describe('ipk-create-plugin', () => {
  it('creates plugins/<name> with the chosen placement and lists what it wrote', async () => {
    expect(await cli('hello', '--placement', 'participants')).toBe(0);
    const packageFile = JSON.parse(
      await readFile(path.join(cwd, 'plugins/hello/hello.plugin.package.json'), 'utf8'),
    ) as { $schema: string; id: string; menuItems: Record<string, Array<{ action: string }>> };
    expect(packageFile.id).toBe('hello-plugin-1.0');
    // No kit around it: the schema will be in the plugin's own node_modules once it installs.
    expect(packageFile.$schema).toBe(
      './node_modules/@ipk/plugin-api/schemas/plugin-package.schema.json',
    );
    expect(packageFile.menuItems['participants']?.[0]?.action).toBe('openHelloDialog');
    expect(out.join('\n')).toContain('tests/hello.spec.ts');
    const source = await readFile(path.join(cwd, 'plugins/hello/src/hello-plugin.ts'), 'utf8');
    expect(source).not.toMatch(/__\w+__/);
  });

  it('writes the file set of a kit plugin', async () => {
    await cli('hello');
    const files = await readdir(path.join(cwd, 'plugins/hello'), { recursive: true });
    expect(files.sort()).toEqual(
      [
        'README.md',
        'assets',
        'assets/hello.svg',
        'hello.plugin.package.json',
        'package.json',
        'rollup.config.js',
        'src',
        'src/escape-html.ts',
        'src/hello-plugin.ts',
        'src/hello.harness.test.ts',
        'src/index.ts',
        'tests',
        'tests/hello.spec.ts',
        'tsconfig.json',
        'vitest.config.ts',
      ].sort(),
    );
  });

  it('keeps a description with quotes valid JSON', async () => {
    await cli('quoted', '--description', 'Says "hi" \\ waves');
    const manifest = JSON.parse(
      await readFile(path.join(cwd, 'plugins/quoted/package.json'), 'utf8'),
    ) as { description: string };
    expect(manifest.description).toBe('webapp2 plugin: Says "hi" \\ waves');
  });

  it('refuses a name that exists and leaves the folder as it was', async () => {
    await cli('hello');
    const before = await readFile(path.join(cwd, 'plugins/hello/package.json'), 'utf8');
    expect(await cli('hello', '--placement', 'conference')).toBe(2);
    expect(err.join('\n')).toMatch(/plugins\/hello already exists/);
    expect(await readFile(path.join(cwd, 'plugins/hello/package.json'), 'utf8')).toBe(before);
  });

  it('refuses a name that is not a valid id, writing nothing', async () => {
    expect(await cli('Hello World')).toBe(2);
    expect(err.join('\n')).toMatch(/not a valid plugin name/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses an unknown placement, naming the three', async () => {
    expect(await cli('hello', '--placement', 'sidebar')).toBe(2);
    expect(err.join('\n')).toContain('toolbar, conference, participants');
  });

  it('refuses no name or two names with the usage', async () => {
    expect(await cli()).toBe(2);
    expect(await cli('one', 'two')).toBe(2);
    expect(err.join('\n')).toContain('Usage: ipk-create-plugin');
  });

  it('writes into plugins/ of the workspace root when run from inside it', async () => {
    await rm(cwd, { recursive: true });
    cwd = await mkdtemp(path.join(tmpdir(), 'ipk-create-'));
    await writeFile(path.join(cwd, 'package.json'), '{"workspaces": ["plugins/*"]}');
    await mkdir(path.join(cwd, 'docs'));
    const inside = path.join(cwd, 'docs');
    const code = await runCli(['hello'], { cwd: inside, out: () => {}, err: () => {} });
    expect(code).toBe(0);
    expect(await readdir(path.join(cwd, 'plugins'))).toEqual(['hello']);
  });
});

describe('ipk-create-plugin, commands and help', () => {
  it.each([
    ['new', /^Usage: ipk-create-plugin new \[options\] <name>/],
    ['eject', /^Usage: ipk-create-plugin eject \[options\] <plugin> <dir>/],
  ])('gives `%s` its own --help', async (command, usage) => {
    expect(await cli(command, '--help')).toBe(0);
    expect(out.join('\n')).toMatch(usage);
  });

  it('suggests the option meant by a misspelt one, writing nothing', async () => {
    expect(await cli('new', 'hello', '--placment', 'toolbar')).toBe(2);
    expect(err.join('\n')).toContain('(Did you mean --placement?)');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses eject outside a kit, with what to do', async () => {
    expect(await cli('eject', 'dtmf', 'out')).toBe(2);
    expect(err.join('\n')).toMatch(/Run this inside Infinity Plugin Kit/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('refuses eject of a plugin the kit does not have, naming the ones it has', async () => {
    await writeFile(path.join(cwd, 'package.json'), '{"workspaces": ["plugins/*"]}');
    await mkdir(path.join(cwd, 'plugins', 'dtmf'), { recursive: true });
    const outside = await mkdtemp(path.join(tmpdir(), 'ipk-eject-out-'));
    try {
      expect(await cli('eject', 'nope', path.join(outside, 'copy'))).toBe(2);
      expect(err.join('\n')).toMatch(
        /plugins\/nope has no package\.json: name a plugin of the kit \(dtmf\)/,
      );
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
