// The built plugin, loaded by the host runtime as webapp2 would load it (package file validated,
// role enforced, the IIFE evaluated as a classic script), driven through its toolbar button.
import { createPluginHarness, type PluginHarness } from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from './recording-dialog';
import { START_RECORDING, STOP_RECORDING } from './recording-plugin';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'recording.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  localStorage.clear();
});

async function load(options: { role?: 'chair' | 'guest'; participants?: object[] } = {}) {
  harness = await createPluginHarness({ packageFile, sourceText, ...options });
  return harness;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not in the document`);
  return found as T;
}

describe('recording, in the host runtime', () => {
  it('loads for a host and shows "Start recording" on the toolbar', async () => {
    const host = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([{ placement: 'toolbar', label: 'Start recording' }]);
    expect(host.state()).toMatchObject(START_RECORDING);
  });

  it('is not offered to guests', async () => {
    const guest = await load({ role: 'guest' });
    expect(guest.record().status.kind).toBe('skipped');
    expect(guest.menuItems()).toEqual([]);
  });

  it('dials the typed recorder as a streaming guest and then offers "Stop recording"', async () => {
    const host = await load();
    await host.invoke('recordConference');
    expect(host.dialog()).not.toBeNull();
    // The dialog is wired once openTemplateDialog's promise settles: the field then takes focus.
    await expect.poll(() => document.activeElement?.id).toBe(ELEMENT_IDS.address);
    element<HTMLInputElement>(ELEMENT_IDS.address).value = 'rtmps://live.example.com/app/key';
    element<HTMLFormElement>(ELEMENT_IDS.form).requestSubmit();

    const dial = host.requests.find((request) => request.call === 'dialOut');
    expect(dial?.args).toEqual([
      'rtmps://live.example.com/app/key',
      'rtmp',
      'guest',
      expect.any(Function),
      { streaming: true },
    ]);
    await expect.poll(() => host.dialog()).toBeNull();

    host.pushParticipants([
      { uuid: 'rec-1', name: 'Recorder', isStreaming: true, protocol: 'rtmp' },
    ]);
    expect(host.state()).toMatchObject(STOP_RECORDING);
  });

  it('shows a recording started elsewhere, and stops it by disconnecting the recorder', async () => {
    const host = await load({
      participants: [{ uuid: 'elsewhere', isStreaming: true, protocol: 'rtmp' }],
    });
    expect(host.state()).toMatchObject(STOP_RECORDING);
    await host.invoke('recordConference');
    expect(host.requests).toContainEqual({ call: 'disconnectParticipant', args: ['elsewhere'] });
    expect(host.dialog()).toBeNull();
  });
});
