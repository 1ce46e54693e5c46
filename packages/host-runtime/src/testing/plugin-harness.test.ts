import { afterEach, describe, expect, test } from 'vitest';
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
});

describe("the seed's complete recording example, unmodified", () => {
  test('loads and shows "Start recording" on its toolbar button', async () => {
    harness = await createPluginHarness({ packageFile: recordingPackage });
    expect(harness.record().status).toBe('loaded');
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

  test('is skipped for guests: its package lists only chair', async () => {
    harness = await createPluginHarness({ packageFile: recordingPackage, role: 'guest' });
    expect(harness.record()).toMatchObject({ status: 'skipped' });
    expect(harness.record().reason).toMatch(/role guest/);
    expect(harness.menuItems()).toEqual([]);
  });
});
