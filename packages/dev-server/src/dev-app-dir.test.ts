import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDevAppDir, injectScript } from './dev-app-dir.js';

const TAG = '<script src="/_ipk/dev/live-reload.js"></script>';

describe('injectScript', () => {
  it('loads the client at the end of <head>', () => {
    expect(injectScript('<html><head><title>t</title></head><body></body></html>')).toBe(
      `<html><head><title>t</title>${TAG}\n</head><body></body></html>`,
    );
  });

  it('appends it to a page without a head', () => {
    expect(injectScript('<p>x</p>')).toBe(`<p>x</p>\n${TAG}\n`);
  });
});

describe('createDevAppDir', () => {
  it('copies the app with the client added, leaving the original build untouched', async () => {
    const app = await mkdtemp(path.join(tmpdir(), 'ipk-app-'));
    await writeFile(path.join(app, 'index.html'), '<head></head>');
    await writeFile(path.join(app, 'app.css'), 'body{}');
    const copy = await createDevAppDir(app);
    try {
      expect(await readFile(path.join(copy.dir, 'index.html'), 'utf8')).toContain(TAG);
      expect(await readFile(path.join(copy.dir, 'app.css'), 'utf8')).toBe('body{}');
      expect(await readFile(path.join(app, 'index.html'), 'utf8')).toBe('<head></head>');
    } finally {
      await copy.remove();
      await rm(app, { recursive: true });
    }
  });

  it('says how to build the host app when there is no index.html', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'ipk-app-'));
    await expect(createDevAppDir(empty)).rejects.toThrow(/build the host app/);
    await rm(empty, { recursive: true });
  });
});
