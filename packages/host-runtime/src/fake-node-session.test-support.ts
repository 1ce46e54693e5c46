import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createHost } from './create-host.js';
import type { Host, HostOptions } from './host.js';
import type {
  NodeAnswer,
  NodeEvent,
  NodeJoinResult,
  NodeParticipant,
  NodeSession,
} from './node-session.js';
import { evaluateFetchedScript } from './script-loaders.js';

export const SELF_UUID = 'self-0000';
export const BRANDING_URL = 'http://ipk.test/webapp2/custom_configuration/';
const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** A node participant object as the node sends it (client-api-detail.md §3.1). */
export function nodeParticipant(
  uuid: string,
  overrides: Record<string, unknown> = {},
): NodeParticipant {
  return {
    uuid,
    display_name: uuid,
    overlay_text: uuid,
    role: 'guest',
    service_type: 'conference',
    protocol: 'webrtc',
    call_direction: 'in',
    uri: '',
    start_time: 1_700_000_000.5,
    spotlight: 0,
    buzz_time: 0,
    is_muted: 'NO',
    is_video_muted: false,
    is_presenting: 'NO',
    is_audio_only_call: 'NO',
    is_video_call: 'YES',
    has_media: true,
    is_streaming_conference: false,
    is_external: false,
    mute_supported: 'YES',
    disconnect_supported: 'YES',
    transfer_supported: 'YES',
    fecc_supported: 'NO',
    rx_presentation_policy: 'ALLOW',
    ...overrides,
  };
}

/** A scriptable node: tests push events and read what was requested. */
export class FakeNodeSession implements NodeSession {
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private readonly listeners = new Set<(event: NodeEvent) => void>();
  joinResult: NodeJoinResult;
  answer: (path: string, body: unknown) => NodeAnswer = (path) =>
    path === 'dial'
      ? { status: 200, body: { status: 'success', result: ['dialled-1'] } }
      : { status: 200, body: { status: 'success', result: true } };

  constructor(role: 'HOST' | 'GUEST' = 'HOST') {
    this.joinResult = {
      kind: 'joined',
      token: {
        role,
        participant_uuid: SELF_UUID,
        display_name: 'Tester',
        chat_enabled: true,
        call_type: 'video',
      },
    };
  }

  join(): Promise<NodeJoinResult> {
    // Like the real node: the roster arrives on the event stream while joining.
    this.emit({
      kind: 'participants',
      participants: [
        nodeParticipant(SELF_UUID, { display_name: 'Tester', protocol: 'api', role: 'chair' }),
      ],
    });
    return Promise.resolve(this.joinResult);
  }

  leave(): Promise<void> {
    return Promise.resolve();
  }

  onEvent(listener: (event: NodeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NodeAnswer> {
    this.requests.push({ method, path, body });
    return Promise.resolve(this.answer(path, body));
  }

  emit(event: NodeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

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

export interface TestHost {
  readonly host: Host;
  readonly node: FakeNodeSession;
}

/** A host on a fake node, with plugins served from `files` and `src/fixtures/plugins/`. */
export function hostWithBranding(
  files: BrandingFiles,
  options: Partial<HostOptions> & { role?: 'HOST' | 'GUEST' } = {},
): TestHost {
  const node = new FakeNodeSession(options.role ?? 'HOST');
  const host = createHost({
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
