import { afterEach, describe, expect, test, vi } from 'vitest';
import { resolve } from 'node:path';
import { createPluginHarness } from './plugin-harness.js';
import type { PluginHarness } from './plugin-harness-types.js';

const recordingPackage = resolve(
  import.meta.dirname,
  '../fixtures/plugins/seed-recording/recording.plugin.package.json',
);

let harness: PluginHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  localStorage.clear();
  vi.restoreAllMocks();
});

describe("the seed's complete recording example, unmodified", () => {
  test('loads and shows "Start recording" on its toolbar button', async () => {
    harness = await createPluginHarness({ packageFile: recordingPackage });
    expect(harness.record().status.kind).toBe('loaded');
    const [button] = harness.menuItems();
    expect(button?.placement).toBe('toolbar');
    expect(button?.label).toBe('Start recording');
    expect(button?.iconUrl).toMatch(/seed-recording\/startRecording\.svg#startRecording$/);
  });

  test('asks for an alias in a dialog and dials it out as a streaming guest', async () => {
    harness = await createPluginHarness({ packageFile: recordingPackage });
    await harness.invoke('recordConference');
    const dialog = harness.dialog();
    expect(dialog).not.toBeNull();
    const input = document.getElementById('simpleRecordPluginAlias') as HTMLInputElement;
    input.value = 'rtmp://stream.example/live';
    document.getElementById('recordAliasButton')?.click();
    const dial = harness.requests.find((request) => request.call === 'dialOut');
    expect(dial?.args.slice(0, 3)).toEqual(['rtmp://stream.example/live', 'auto', 'guest']);
    expect(dial?.args[4]).toEqual({ streaming: true });
    expect(localStorage.getItem('pexSimpleRecordPluginAlias')).toBe('rtmp://stream.example/live');
  });

  test('shows a failed dial when the node answers it with no participant (answerRequest)', async () => {
    const seen: unknown[] = [];
    harness = await createPluginHarness({
      packageFile: recordingPackage,
      answerRequest: (request) => {
        seen.push(request);
        return { status: 200, body: { status: 'success', result: [] } };
      },
    });
    await harness.invoke('recordConference');
    (document.getElementById('simpleRecordPluginAlias') as HTMLInputElement).value = 'nobody';
    document.getElementById('recordAliasButton')?.click();
    const input = document.getElementById('simpleRecordPluginAlias') as HTMLInputElement;
    await expect.poll(() => input.placeholder).toBe('check alias and retry');
    expect(seen).toEqual([
      {
        method: 'POST',
        path: 'dial',
        body: expect.objectContaining({ destination: 'nobody', streaming: 'yes' }),
      },
    ]);
  });

  test('is skipped for guests: its package lists only chair', async () => {
    harness = await createPluginHarness({ packageFile: recordingPackage, role: 'guest' });
    expect(harness.record().status).toMatchObject({ kind: 'skipped', cause: 'role' });
    expect(harness.record().status).toMatchObject({ reason: expect.stringMatching(/role guest/) });
    expect(harness.menuItems()).toEqual([]);
  });
});

const fixturePackage = (name: string, file = `${name}.plugin.package.json`) =>
  resolve(import.meta.dirname, '../fixtures/plugins', name, file);

describe('the harness API', () => {
  test('pushParticipants drives participants$ and state() shows what the plugin pushed', async () => {
    harness = await createPluginHarness({ packageFile: fixturePackage('participant-state') });
    harness.pushParticipants([{ uuid: 'g1', name: 'Gita', role: 'guest' }]);
    expect(harness.state()).toEqual({
      'self-uuid': null,
      g1: { icon: 'icons/mute.svg#mute', label: 'Mute video of Gita' },
    });
    await harness.invoke('toggle', { uuid: 'g1' });
    expect(harness.requests.at(-1)).toEqual({
      call: 'sendRequest',
      args: ['participants/g1/video_muted'],
    });
  });

  test('emitAction reaches PEX.actions$ subscribers, and invoke rejects with the plugin error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    harness = await createPluginHarness({ packageFile: fixturePackage('action-listener') });
    harness.emitAction({
      type: '[Conference] Buzz Changed',
      payload: { buzzTime: 5, name: 'Ola' },
    });
    expect((window as unknown as { actionLog: string[] }).actionLog).toContain('Ola raised a hand');
    await expect(harness.invoke('missingAction')).rejects.toThrow(
      'registerPlugin has no function "missingAction"',
    );
  });

  test('refuses a package file that does not validate, naming the file', async () => {
    await expect(
      createPluginHarness({ packageFile: fixturePackage('seed-recording', 'recording.plugin.js') }),
    ).rejects.toThrow('recording.plugin.js is not a valid plugin package file');
  });

  test('unload calls the plugin unload and removes its menu items', async () => {
    harness = await createPluginHarness({ packageFile: fixturePackage('menu-hider') });
    expect(harness.menuItems()).toHaveLength(1);
    await harness.unload();
    expect(harness.menuItems()).toEqual([]);
  });
});
