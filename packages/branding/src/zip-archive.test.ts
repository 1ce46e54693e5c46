import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, temporaryFolder, text } from '../test/fixture-trees.js';
import { readZip, writeZip, type FileTree } from './zip-archive.js';
import { UnsafeZipEntryError } from './zip-entry-path.js';

// Info-ZIP's unzip checks the ZIP independently where it is installed (Debian: apt-get install unzip);
// without it those tests are skipped and the re-read with the ZIP library still runs.
const UNZIP = '/usr/bin/unzip';
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeFolder));
});

function sampleTree(): FileTree {
  return new Map([
    ['webapp2/settings.json', text('{"plugins": []}\n')],
    ['webapp2/plugins/b/b.plugin.js', text('(function(){})();')],
    ['webapp2/manifest.json', text('{"brandingID": "1", "isSettingsBranded": true}\n')],
    ['webapp2/plugins/a/a.svg', text('<svg id="a"/>')],
  ]);
}

describe('writeZip and readZip', () => {
  it('read back the same paths and bytes', () => {
    const tree = sampleTree();
    const reread = readZip(writeZip(tree, new Date('2026-01-02T03:04:05Z')), 'sample.zip');
    expect(
      new Map([...reread].map(([path, bytes]) => [path, Buffer.from(bytes).toString()])),
    ).toEqual(new Map([...tree].map(([path, bytes]) => [path, Buffer.from(bytes).toString()])));
  });

  it('write entries in sorted path order whatever order the tree was filled in', () => {
    const zip = writeZip(sampleTree(), new Date('2026-01-02T03:04:05Z'));
    expect(Object.keys(unzipSync(zip))).toEqual([
      'webapp2/manifest.json',
      'webapp2/plugins/a/a.svg',
      'webapp2/plugins/b/b.plugin.js',
      'webapp2/settings.json',
    ]);
  });

  it('give identical bytes for identical input (a reproducible package)', () => {
    const modified = new Date('2026-01-02T03:04:05Z');
    expect(
      Buffer.from(writeZip(sampleTree(), modified)).equals(
        Buffer.from(writeZip(sampleTree(), modified)),
      ),
    ).toBe(true);
  });

  it.skipIf(!existsSync(UNZIP))(
    'produce a ZIP that Info-ZIP unzip -t finds free of errors',
    async () => {
      const dir = await temporaryFolder();
      folders.push(dir);
      const file = join(dir, 'branding.zip');
      await writeFile(file, writeZip(sampleTree(), new Date('2026-01-02T03:04:05Z')));
      const output = execFileSync(UNZIP, ['-t', file], { encoding: 'utf8' });
      expect(output).toContain('No errors detected');
    },
  );

  it('drop directory entries, which the file paths already imply', () => {
    const zip = zipSync({ 'webapp2/': new Uint8Array(), 'webapp2/settings.json': text('{}') });
    expect([...readZip(zip, 'dirs.zip').keys()]).toEqual(['webapp2/settings.json']);
  });

  it('refuse a ZIP whose entries would land outside the target, naming every such entry', () => {
    const zip = zipSync({
      'webapp2/settings.json': text('{}'),
      '../../outside.txt': text('x'),
      'webapp2/../../escape.js': text('x'),
      '/etc/passwd': text('x'),
    });
    let caught: unknown;
    try {
      readZip(zip, 'evil.zip');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsafeZipEntryError);
    expect((caught as UnsafeZipEntryError).entries).toEqual([
      '../../outside.txt',
      'webapp2/../../escape.js',
      '/etc/passwd',
    ]);
    expect((caught as Error).message).toMatch(
      /^evil\.zip: refusing 3 entries .* Nothing was written/,
    );
  });

  it('report a file that is not a ZIP with its name', () => {
    expect(() => readZip(text('not a zip at all'), 'notes.txt')).toThrow(
      /^notes\.txt: not a readable ZIP file/,
    );
  });
});
