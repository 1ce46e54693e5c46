import { readFile } from 'node:fs/promises';
import { filter, firstValueFrom, type Observable } from 'rxjs';
import { afterEach, vi } from 'vitest';
import { resolve } from 'node:path';
import type { PexGlobal } from '@ipk/plugin-api';
import { ConferenceHost } from './conference-host.js';
import type { HostOptions, PluginRecord } from './host.js';
import { pluginProblem } from './plugin-status-text.js';
import { FakeNodeSession, SELF_UUID } from './testing/fake-node-session.js';
import { nodeParticipant } from './testing/participant-defaults.js';
import { evaluateFetchedScript } from './script-loaders.js';

export { SELF_UUID, nodeParticipant };
const BRANDING_URL = 'http://ipk.test/webapp2/custom_configuration/';
const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** Branding files served from memory; plugin folders may come from `src/fixtures/plugins`. */
export type BrandingFiles = Record<string, string | object>;

export function settingsFor(
  ...plugins: { id: string; folder: string; enabled?: boolean; file?: string }[]
): BrandingFiles {
  return {
    'manifest.json': { brandingID: '1', isSettingsBranded: true },
    'settings.json': {
      plugins: plugins.map((plugin) => ({
        id: plugin.id,
        srcURL: `plugins/${plugin.folder}/${plugin.file ?? `${plugin.folder}.plugin.package.json`}`,
        enabled: plugin.enabled ?? true,
      })),
    },
  };
}

async function readBrandingFile(files: BrandingFiles, url: string): Promise<string | undefined> {
  if (!url.startsWith(BRANDING_URL)) return undefined;
  const path = url.slice(BRANDING_URL.length).split('?')[0] ?? '';
  const inMemory = files[path];
  if (inMemory !== undefined)
    return typeof inMemory === 'string' ? inMemory : JSON.stringify(inMemory);
  return readFile(resolve(FIXTURES, path), 'utf8').catch(() => undefined);
}

function brandingFetch(files: BrandingFiles): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const text = await readBrandingFile(files, String(input));
    return text === undefined
      ? new Response('Not found', { status: 404 })
      : new Response(text, { status: 200 });
  }) as typeof fetch;
}

/** What Settings > Plugins says is wrong with a plugin: `phase: message`, or the reason. */
export function problemOf(row: PluginRecord | undefined): string | undefined {
  return row === undefined ? undefined : pluginProblem(row.status);
}

/** The plugin's row among `rows` (the host's `plugins$`), if it is listed. */
export function rowOf(rows: readonly PluginRecord[], id: string): PluginRecord | undefined {
  return rows.find((row) => row.id === id);
}

/** The plugin's row once the host lists it (before joining, that is once the branding loaded). */
export function pluginRow(host: ConferenceHost, id: string): Promise<PluginRecord> {
  return until(host.plugins$, (rows) => rowOf(rows, id) !== undefined).then(
    (rows) => rowOf(rows, id) as PluginRecord,
  );
}

/** The page's window as fixture plugins see it: the globals they set for the test to read. */
export const globals = window as unknown as Record<string, unknown>;

/** The `window.PEX` the host installed. */
export function pexGlobal(): PexGlobal {
  return globals['PEX'] as PexGlobal;
}

export interface TestHost {
  readonly host: ConferenceHost;
  readonly node: FakeNodeSession;
}

/** A host on a fake node, with plugins served from `files` and `src/fixtures/plugins/`. */
export function hostWithBranding(
  files: BrandingFiles,
  options: Partial<HostOptions> & { role?: 'HOST' | 'GUEST' } = {},
): TestHost {
  const node = new FakeNodeSession({ role: options.role ?? 'HOST' });
  const host = new ConferenceHost({
    brandingUrl: BRANDING_URL,
    nodeSession: () => node,
    fetch: brandingFetch(files),
    loadScript: evaluateFetchedScript(async (url) => {
      const text = await readBrandingFile(files, url);
      if (text === undefined) throw new Error(`404 ${url}`);
      return text;
    }),
    platform: 'web',
    storage: localStorage,
    ...options,
  });
  return { host, node };
}

/** A plugin given as source text, served from memory (its package file overridable). */
export function inlinePlugin(
  id: string,
  source: string,
  packageOverrides: Record<string, unknown> = {},
): BrandingFiles {
  return {
    ...settingsFor({ id, folder: id }),
    [`plugins/${id}/${id}.plugin.package.json`]: {
      id,
      name: id,
      description: `${id} fixture`,
      version: 1,
      srcURL: `${id}.plugin.js`,
      allowUnload: true,
      platforms: ['web'],
      participantRoles: ['chair', 'guest'],
      menuItems: { toolbar: [{ icon: 'x.svg#x', label: id, action: 'act' }] },
      ...packageOverrides,
    },
    [`plugins/${id}/${id}.plugin.js`]: source,
  };
}

/** One branding of several: their files, and their settings.json entries in order. */
export function brandingOf(...parts: BrandingFiles[]): BrandingFiles {
  const entries = parts.flatMap(
    (part) => (part['settings.json'] as { plugins?: unknown[] } | undefined)?.plugins ?? [],
  );
  return Object.assign({}, ...parts, {
    'settings.json': { plugins: entries },
  }) as BrandingFiles;
}

/** The first value of `source$` that satisfies `predicate`. */
export function until<T>(source$: Observable<T>, predicate: (value: T) => boolean): Promise<T> {
  return firstValueFrom(source$.pipe(filter(predicate)));
}

/** Every value `source$` emits from now on. */
export function collect<T>(source$: Observable<T>): T[] {
  const values: T[] = [];
  source$.subscribe((value) => values.push(value));
  return values;
}

type TestHostOptions = Parameters<typeof hostWithBranding>[1];

/**
 * Hosts for one test file: each test's host is disposed after it (with the page state it left:
 * storage, body, mocks), so no test sees another's `window.PEX`.
 */
export function useTestHosts(): {
  start(files: BrandingFiles, options?: TestHostOptions): TestHost;
  joined(files: BrandingFiles, options?: TestHostOptions): Promise<TestHost>;
} {
  let current: TestHost | undefined;
  afterEach(async () => {
    await current?.host.dispose();
    current = undefined;
    localStorage.clear();
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });
  const start = (files: BrandingFiles, options: TestHostOptions = {}): TestHost => {
    current = hostWithBranding(files, options);
    return current;
  };
  return {
    start,
    /** Started, joined as `Tester` to `meet`, and the plugins loaded (or failed). */
    async joined(files, options = {}) {
      const test = start(files, options);
      await test.host.join({ alias: 'meet', displayName: 'Tester' });
      await test.host.settled();
      return test;
    },
  };
}
