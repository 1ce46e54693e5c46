/**
 * The test fixtures as trees and folders. Fixture plugins keep their build output in `built/`
 * (git ignores every `dist/`); copies made here rename it to `dist/`, the layout the plugins'
 * Rollup build produces.
 */
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDirTree } from '../src/file-tree-io.js';
import type { FileTree } from '../src/zip-archive.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const GALLERY = join(FIXTURES, 'gallery');
export const GALLERY_PLUGINS = [
  'contact-list',
  'layout-switch',
  'send-to-lobby',
  'snapshot',
] as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function json(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

export function text(value: string): Uint8Array {
  return encoder.encode(value);
}

export function readJson(tree: FileTree, path: string): unknown {
  const content = tree.get(path);
  if (content === undefined) throw new Error(`no ${path} in the tree`);
  return JSON.parse(decoder.decode(content));
}

export function readText(tree: FileTree, path: string): string {
  const content = tree.get(path);
  if (content === undefined) throw new Error(`no ${path} in the tree`);
  return decoder.decode(content);
}

/**
 * A complete branding package holding the gallery-shaped fixture plugins, as an administrator
 * would upload it. layout-switch is listed under a settings id that differs from its package id,
 * as pexip/plugin-change-layout ships it (webapp2 accepts that: a warning, not an error).
 */
export async function galleryBrandingTree(): Promise<FileTree> {
  return brandingTreeOf(GALLERY, GALLERY_PLUGINS, (name) =>
    name === 'layout-switch' ? 'layout-switch-1.0' : `${name}-plugin-1.0`,
  );
}

/** Fixture plugins that each reproduce one behaviour of a real webapp2 plugin (fixtures/wild). */
export const WILD = join(FIXTURES, 'wild');
/** Sources that attack the tool itself (fixtures/hostile). */
export const HOSTILE = join(FIXTURES, 'hostile');

/** A branding package of the named plugins of `folder`, each listed under `<name>-1.0`, enabled. */
export async function brandingTreeOf(
  folder: string,
  names: readonly string[],
  settingsId: (name: string) => string = (name) => `${name}-1.0`,
): Promise<FileTree> {
  const tree: FileTree = new Map();
  for (const name of names) {
    for (const [path, content] of await readDirTree(join(folder, name))) {
      tree.set(`webapp2/plugins/${name}/${path}`, content);
    }
  }
  tree.set(
    'webapp2/settings.json',
    json({
      plugins: names.map((name) => ({
        id: settingsId(name),
        srcURL: `plugins/${name}/${name}.plugin.package.json`,
        enabled: name !== 'snapshot',
      })),
    }),
  );
  tree.set('webapp2/manifest.json', json({ brandingID: '1521829718679', isSettingsBranded: true }));
  return tree;
}

/** A fresh temporary folder; remove it with `rm(dir, {recursive: true})`. */
export async function temporaryFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ipk-branding-'));
}

/** A copy of fixtures/repo in a temporary folder, each plugin's `built/` renamed to `dist/`. */
export async function copyFixtureRepo(): Promise<string> {
  const root = await temporaryFolder();
  await cp(join(FIXTURES, 'repo'), root, { recursive: true });
  for (const name of await readdir(join(root, 'plugins'))) {
    await rename(join(root, 'plugins', name, 'built'), join(root, 'plugins', name, 'dist')).catch(
      () => undefined,
    );
  }
  return root;
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
