import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, temporaryFolder, text } from '../test/fixture-trees.js';
import {
  DEFAULT_ZIP_LIMITS,
  readZip,
  writeZip,
  ZipLimitError,
  type FileTree,
  type ZipLimits,
} from './zip-archive.js';
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
    const reread = readZip(writeZip(tree, new Date('2026-01-02T03:04:05Z')), 'sample.zip').files;
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
    expect([...readZip(zip, 'dirs.zip').files.keys()]).toEqual(['webapp2/settings.json']);
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

const MIB = 1024 * 1024;

/** `size` bytes of zeros: deflate shrinks them about a thousandfold. */
function zeros(size: number): Uint8Array {
  return new Uint8Array(size);
}

/**
 * The ZIP with the expanded size its headers declare for every entry set to `size` (central
 * directory and local header): a ZIP whose headers lie.
 */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const patched = zip.slice();
  const view = new DataView(patched.buffer);
  for (let offset = 0; offset + 4 <= patched.length; offset += 1) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x02014b50) view.setUint32(offset + 24, size, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, size, true);
  }
  return patched;
}

function refusal(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the ZIP to be refused');
}

describe('readZip limits (ZIP bombs and lying headers)', () => {
  it('refuses, from its headers alone, an entry declared to expand to 1 GiB', () => {
    const bomb = withDeclaredSize(zipSync({ 'webapp2/big.bin': zeros(MIB) }), 1024 * MIB);
    const error = refusal(() => readZip(bomb, 'bomb.zip'));
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error.message).toBe(
      'bomb.zip: refused before anything was inflated: "webapp2/big.bin" expands to 1024 MiB, more than the 50 MiB one entry may (--zip-max-entry); ' +
        'its entries expand to 1024 MiB in all, more than the 200 MiB allowed (--zip-max-total). Nothing was written. ' +
        'A branding package this large is unusual: check the ZIP, or raise the limit with the flag named.',
    );
  });

  it('refuses an entry that expands more than 100-fold, and lets small ones compress as they may', () => {
    const error = refusal(() => readZip(zipSync({ 'webapp2/blank.bin': zeros(2 * MIB) }), 'z.zip'));
    expect(error.message).toMatch(
      /"webapp2\/blank\.bin" expands \d+-fold \([\d.]+ KiB to 2 MiB\), more than the 100-fold allowed \(--zip-max-ratio\)/,
    );
    expect(readZip(zipSync({ 'webapp2/page.txt': zeros(MIB) }), 'small.zip').files.size).toBe(1);
  });

  it('refuses too many entries, and too many bytes in all', () => {
    const tight: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 3, maxTotalBytes: 1000 };
    const many = zipSync(
      Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [name, text(name)])),
    );
    expect(refusal(() => readZip(many, 'many.zip', tight)).message).toContain(
      '4 entries, more than the 3 allowed (--zip-max-entries)',
    );
    const big = zipSync({ a: zeros(600), b: zeros(600) });
    expect(refusal(() => readZip(big, 'big.zip', tight)).message).toContain(
      'its entries expand to 1.2 KiB in all, more than the 1000 B allowed (--zip-max-total)',
    );
  });

  it('stops, while inflating, an entry that expands beyond the size its header declares', () => {
    const liar = withDeclaredSize(zipSync({ 'webapp2/small.txt': zeros(256 * 1024) }), 1000);
    const error = refusal(() => readZip(liar, 'liar.zip'));
    expect(error.message).toBe(
      'liar.zip: refused while inflating: "webapp2/small.txt" expands beyond the 1000 B its header declares. Nothing was written. ' +
        'A branding package this large is unusual: check the ZIP, or raise the limit with the flag named.',
    );
  });

  it('reads a ZIP beyond the defaults when the limits are raised', () => {
    const raised: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxRatio: 10_000 };
    expect(
      readZip(zipSync({ 'webapp2/blank.bin': zeros(2 * MIB) }), 'z.zip', raised).files.get(
        'webapp2/blank.bin',
      )?.length,
    ).toBe(2 * MIB);
  });

  it('reads a streamed ZIP whose sizes come after the data (data descriptors, as macOS writes them)', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, content] of [
      ['webapp2/a.txt', 'first'],
      ['webapp2/b.txt', 'second'],
    ] as const) {
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(text(content), true);
    }
    zip.end();
    const streamed = new Uint8Array(Buffer.concat(chunks));
    const files = readZip(streamed, 'streamed.zip').files;
    expect(Buffer.from(files.get('webapp2/b.txt') ?? []).toString()).toBe('second');
  });
});

describe('readZip duplicate entries', () => {
  it('reports paths the ZIP holds more than once instead of keeping the last in silence', () => {
    const once = zipSync({ 'webapp2/settings.json': text('{"plugins": []}') });
    const twice = zipSync({ 'webapp2/./settings.json': text('{"plugins": [1]}') });
    // Two archives' entries end to end: the central directory lists both under one path.
    const combined = withSecondEntry(once, twice);
    const read = readZip(combined, 'twice.zip');
    expect(read.duplicates).toEqual(['webapp2/settings.json']);
    expect(Buffer.from(read.files.get('webapp2/settings.json') ?? []).toString()).toBe(
      '{"plugins": [1]}',
    );
  });
});

/** A ZIP holding the entries of `first` then those of `second` (one entry each, stored as fflate writes them). */
function withSecondEntry(first: Uint8Array, second: Uint8Array): Uint8Array {
  const parts = [first, second].map(splitZip);
  const localA = parts[0]!.local;
  const localB = parts[1]!.local;
  const centralA = parts[0]!.central;
  const centralB = parts[1]!.central.slice();
  new DataView(centralB.buffer).setUint32(42, localA.length, true);
  const central = Buffer.concat([centralA, centralB]);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, 2, true);
  view.setUint16(10, 2, true);
  view.setUint32(12, central.length, true);
  view.setUint32(16, localA.length + localB.length, true);
  return new Uint8Array(Buffer.concat([localA, localB, central, end]));
}

function splitZip(zip: Uint8Array): { local: Uint8Array; central: Uint8Array } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const centralStart = view.getUint32(end + 16, true);
  return { local: zip.slice(0, centralStart), central: zip.slice(centralStart, end) };
}
