// The built plugin (the IIFE webapp2 would load) in @ipk/host-runtime's harness: package file
// validated, role enforced, driven through its toolbar button; the fake node answers each dial
// when the test says so.
import {
  createPluginHarness,
  heldAnswers,
  type NodeAnswer,
  type PluginHarness,
} from '@ipk/host-runtime/testing';
import type { Participant } from '@ipk/plugin-api';
import { bundlePlugin } from '@ipk/rollup-config';
import { seriousAxeViolations } from '@ipk/host-runtime/testing/axe';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADDRESS_KEY } from './address-store';
import { ELEMENT_IDS } from './recording-dialog';
import { START_RECORDING, STOP_RECORDING, createRecordingPlugin } from './recording-plugin';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'recording.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.dispose();
  harness = undefined;
  localStorage.clear();
  document.body.replaceChildren();
});

/** Loads the plugin; each dial waits in `dials` until the test answers it. */
async function load(
  options: { role?: 'chair' | 'guest'; participants?: Partial<Participant>[] } = {},
) {
  const { held: dials, answerRequest } = heldAnswers(({ path }) => path === 'dial');
  harness = await createPluginHarness({ packageFile, sourceText, ...options, answerRequest });
  return { host: harness, dials };
}

const dialled = (uuids: string[]): NodeAnswer => ({
  status: 200,
  body: { status: 'success', result: uuids },
});
const recorder = (uuid: string): Partial<Participant> => ({
  uuid,
  name: 'Recorder',
  protocol: 'rtmp',
  isStreaming: true,
});

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is not in the document`);
  return found as T;
}

/** Opens the dialog from the toolbar, types `address` and submits. */
async function startRecording(host: PluginHarness, address: string): Promise<void> {
  await host.invoke('recordConference');
  const field = byId<HTMLInputElement>(ELEMENT_IDS.address);
  field.value = address;
  field.form?.requestSubmit();
}

const disconnected = (host: PluginHarness) =>
  host.requests.filter((request) => request.call === 'disconnectParticipant');

describe('the recording toolbar button', () => {
  it('loads for a host and offers "Start recording" while no recorder is in the conference', async () => {
    const { host } = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([{ placement: 'toolbar', label: 'Start recording' }]);
    expect(host.state()).toMatchObject(START_RECORDING);
  });

  it('is not offered to guests', async () => {
    const { host } = await load({ role: 'guest' });
    expect(host.record().status.kind).toBe('skipped');
    expect(host.menuItems()).toEqual([]);
  });

  it('shows "Stop recording" while a streaming participant is in, even one started elsewhere', async () => {
    const { host } = await load();
    host.pushParticipants([recorder('started-by-another-host')]);
    expect(host.state()).toMatchObject(STOP_RECORDING);
    host.pushParticipants([]);
    expect(host.state()).toMatchObject(START_RECORDING);
  });
});

it('has no serious or critical axe violation in its dialog, the error shown', async () => {
  const { host } = await load();
  await startRecording(host, ' ');
  expect(await seriousAxeViolations(host.dialog() as Element)).toEqual([]);
});

describe('starting a recording', () => {
  it('asks for the address in a dialog, pre-filled with the one remembered, focused', async () => {
    localStorage.setItem(ADDRESS_KEY, 'rtmp://recorder.example.com/live');
    const { host } = await load();
    await host.invoke('recordConference');
    expect(host.dialog()?.textContent).toContain('Recorder address');
    expect(byId<HTMLInputElement>(ELEMENT_IDS.address).value).toBe(
      'rtmp://recorder.example.com/live',
    );
    expect(document.activeElement?.id).toBe(ELEMENT_IDS.address);
    expect(byId(ELEMENT_IDS.start).className).toBe('dialog-button green-action-button');
  });

  it('puts the remembered address in the field as text, never as HTML', async () => {
    localStorage.setItem(ADDRESS_KEY, '"><img id="injected" src=x>');
    const { host } = await load();
    await host.invoke('recordConference');
    expect(document.getElementById('injected')).toBeNull();
    expect(byId<HTMLInputElement>(ELEMENT_IDS.address).value).toBe('"><img id="injected" src=x>');
  });

  it('dials a streaming guest over the protocol the address implies, and remembers the address', async () => {
    const { host, dials } = await load();
    await startRecording(host, 'sip:recorder@example.com');
    expect(dials.map(({ body }) => body)).toEqual([
      expect.objectContaining({
        destination: 'recorder@example.com',
        protocol: 'sip',
        role: 'GUEST',
        streaming: 'yes',
      }),
    ]);
    expect(localStorage.getItem(ADDRESS_KEY)).toBe('sip:recorder@example.com');
  });

  it('says it is dialling and disables the button until the node answers, then closes', async () => {
    const { host, dials } = await load();
    await startRecording(host, 'rtmps://live.example.com/app/key');
    const start = byId<HTMLButtonElement>(ELEMENT_IDS.start);
    expect(start.disabled).toBe(true);
    expect(start.textContent).toBe('Dialling the recorder…');
    dials[0]?.answer(dialled(['rec-1']));
    await expect.poll(() => host.dialog()).toBeNull();
  });

  it('asks again, without dialling, when the address is empty', async () => {
    const { host, dials } = await load();
    await startRecording(host, '   ');
    expect(dials).toEqual([]);
    const error = byId(ELEMENT_IDS.error);
    expect(error.hidden).toBe(false);
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain("Enter the recorder's address");
  });

  it('shows why a failed dial failed and lets the host fix the address and retry', async () => {
    const { host, dials } = await load();
    await startRecording(host, 'recorder@example.com');
    dials[0]?.answer(dialled([]));
    const error = byId(ELEMENT_IDS.error);
    await expect
      .poll(() => error.textContent)
      .toBe(
        'The conference could not dial recorder@example.com (auto). Check the address and try again.',
      );
    const address = byId<HTMLInputElement>(ELEMENT_IDS.address);
    const start = byId<HTMLButtonElement>(ELEMENT_IDS.start);
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(address.value).toBe('recorder@example.com');
    expect(start.disabled).toBe(false);
    expect(start.textContent).toBe('Try again');
    expect(host.dialog()).not.toBeNull();

    address.value = 'sip:recorder@example.com';
    address.form?.requestSubmit();
    expect(error.hidden).toBe(true);
    await expect.poll(() => dials.length).toBe(2);
    dials[1]?.answer(dialled(['rec-2']));
    await expect.poll(() => host.dialog()).toBeNull();
  });

  it('counts a refused dial (HTTP 403) as a failed one', async () => {
    const { host, dials } = await load();
    await startRecording(host, 'rtmp://recorder.example.com/live');
    dials[0]?.answer({ status: 403, body: { status: 'failed', result: 'Forbidden' } });
    await expect.poll(() => byId(ELEMENT_IDS.error).textContent).toContain('could not dial');
  });

  it('shows the error when the app refuses to dial at all', async () => {
    await load();
    // The kit's host never throws from dialOut (its PEX is frozen), another host may: the plugin's
    // factory is given a PEX whose dialOut throws.
    const api = window.PEX.pluginAPI;
    const plugin = createRecordingPlugin({
      pluginAPI: {
        createNewState: api.createNewState.bind(api),
        disconnectParticipant: api.disconnectParticipant.bind(api),
        openTemplateDialog: api.openTemplateDialog.bind(api),
        dialOut: () => {
          throw new Error('not connected');
        },
      },
    });
    (plugin['recordConference'] as (participants: Participant[]) => void)([]);
    await expect.poll(() => document.getElementById(ELEMENT_IDS.address)).not.toBeNull();
    const field = byId<HTMLInputElement>(ELEMENT_IDS.address);
    field.value = 'recorder@example.com';
    field.form?.requestSubmit();
    expect(byId(ELEMENT_IDS.error).textContent).toBe('Dialling failed: not connected');
    expect(byId<HTMLButtonElement>(ELEMENT_IDS.start).disabled).toBe(false);
  });
});

describe('stopping a recording', () => {
  it('disconnects the recorder this host dialled, not another streaming participant', async () => {
    const { host, dials } = await load();
    await startRecording(host, 'rtmp://recorder.example.com/live');
    dials[0]?.answer(dialled(['mine']));
    await expect.poll(() => host.dialog()).toBeNull();
    host.pushParticipants([recorder('someone-elses-stream'), recorder('mine')]);

    await host.invoke('recordConference');
    expect(disconnected(host)).toEqual([{ call: 'disconnectParticipant', args: ['mine'] }]);
    expect(host.dialog()).toBeNull();
  });

  it('stops a recorder that was started elsewhere', async () => {
    const { host } = await load({ participants: [recorder('elsewhere')] });
    expect(host.state()).toMatchObject(STOP_RECORDING);
    await host.invoke('recordConference');
    expect(disconnected(host)).toEqual([{ call: 'disconnectParticipant', args: ['elsewhere'] }]);
    expect(host.dialog()).toBeNull();
  });
});

describe('unloading', () => {
  it('closes an open dialog', async () => {
    const { host } = await load();
    await host.invoke('recordConference');
    await host.unload();
    await expect.poll(() => host.dialog()).toBeNull();
  });
});
