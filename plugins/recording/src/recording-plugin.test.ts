import type { Participant, PluginLoad, RegisterPluginOptions } from '@ipk/plugin-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserAddressStore, type AddressStore } from './address-store';
import { createFakePex, participant, type FakePex } from './fake-pex.fixture';
import { ELEMENT_IDS } from './recording-dialog';
import {
  RECORDING_PLUGIN_ID,
  START_RECORDING,
  STOP_RECORDING,
  createRecordingPlugin,
} from './recording-plugin';

function memoryStore(initial = ''): AddressStore & { saved: string } {
  return {
    saved: initial,
    read() {
      return this.saved;
    },
    write(address) {
      this.saved = address;
    },
  };
}

const me = participant({ uuid: 'me', name: 'Host' });
const recorder = (uuid = 'rec-1') =>
  participant({ uuid, name: 'Recorder', protocol: 'rtmp', isStreaming: true, role: 'guest' });

let fake: FakePex;
let addresses: ReturnType<typeof memoryStore>;
let plugin: RegisterPluginOptions;

function load(): void {
  void plugin.load(fake.participants$ as unknown as Parameters<PluginLoad>[0], undefined as never);
}

function recordConference(participants?: Participant[]): void {
  (plugin['recordConference'] as (participants?: Participant[]) => void)(participants);
}

function state(): unknown {
  return fake.states[0]?.value;
}

function field<T extends HTMLElement>(dialog: HTMLElement, id: string): T {
  const element = dialog.querySelector<T>(`#${id}`);
  if (!element) throw new Error(`no #${id} in the dialog`);
  return element;
}

async function openDialogAndSubmit(address: string): Promise<HTMLElement> {
  recordConference([me]);
  const dialog = await fake.dialogOpened();
  field<HTMLInputElement>(dialog, ELEMENT_IDS.address).value = address;
  field<HTMLFormElement>(dialog, ELEMENT_IDS.form).requestSubmit();
  return dialog;
}

beforeEach(() => {
  fake = createFakePex();
  addresses = memoryStore();
  plugin = createRecordingPlugin(fake.pex, addresses);
  load();
});

afterEach(() => {
  void plugin.unload();
  document.body.innerHTML = '';
});

describe('the recording toolbar button', () => {
  it('registers under the package file id with state$', () => {
    expect(plugin.id).toBe(RECORDING_PLUGIN_ID);
    expect(plugin.state$).toBe(fake.states[0]);
  });

  it('offers "Start recording" while no recorder is in the conference', () => {
    fake.participants$.next([me]);
    expect(state()).toEqual(START_RECORDING);
  });

  it('shows "Stop recording" when a streaming participant joins, even one started elsewhere', () => {
    fake.participants$.next([me, recorder('started-by-another-host')]);
    expect(state()).toEqual(STOP_RECORDING);
  });

  it('goes back to "Start recording" when the recorder leaves', () => {
    fake.participants$.next([me, recorder()]);
    fake.participants$.next([me]);
    expect(state()).toEqual(START_RECORDING);
  });
});

describe('starting a recording', () => {
  it('asks for the address, pre-filled with the one remembered last time', async () => {
    addresses.saved = 'rtmp://recorder.example.com/live';
    recordConference([me]);
    const dialog = await fake.dialogOpened();
    expect(dialog.querySelector('h2')?.textContent).toBe('Start recording');
    expect(field<HTMLInputElement>(dialog, ELEMENT_IDS.address).value).toBe(
      'rtmp://recorder.example.com/live',
    );
    expect(field(dialog, ELEMENT_IDS.start).className).toBe('dialog-button green-action-button');
  });

  it('puts the remembered address in the field as text, never as HTML', async () => {
    addresses.saved = '"><img id="injected" src=x>';
    recordConference([me]);
    const dialog = await fake.dialogOpened();
    expect(document.getElementById('injected')).toBeNull();
    expect(field<HTMLInputElement>(dialog, ELEMENT_IDS.address).value).toBe(addresses.saved);
  });

  it('dials a streaming guest over the protocol the address implies, and remembers the address', async () => {
    await openDialogAndSubmit('sip:recorder@example.com');
    expect(fake.dials).toMatchObject([
      {
        alias: 'recorder@example.com',
        protocol: 'sip',
        role: 'guest',
        params: { streaming: true },
      },
    ]);
    expect(addresses.saved).toBe('sip:recorder@example.com');
  });

  it('says it is dialling and disables the button until the node answers', async () => {
    const dialog = await openDialogAndSubmit('rtmp://recorder.example.com/live');
    const start = field<HTMLButtonElement>(dialog, ELEMENT_IDS.start);
    expect(start.disabled).toBe(true);
    expect(start.textContent).toBe('Dialling the recorder…');
  });

  it('closes the dialog once the node returns the recorder', async () => {
    await openDialogAndSubmit('rtmp://recorder.example.com/live');
    fake.dials[0]?.answer({ result: ['rec-1'] });
    expect(fake.openDialogs()).toEqual([]);
  });

  it('asks again, without dialling, when the address is empty', async () => {
    const dialog = await openDialogAndSubmit('   ');
    expect(fake.dials).toEqual([]);
    const error = field(dialog, ELEMENT_IDS.error);
    expect(error.hidden).toBe(false);
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain("Enter the recorder's address");
  });

  it('shows why a failed dial failed and lets the host fix the address and retry', async () => {
    const dialog = await openDialogAndSubmit('recorder@example.com');
    fake.dials[0]?.answer({ result: [] });

    const error = field(dialog, ELEMENT_IDS.error);
    const address = field<HTMLInputElement>(dialog, ELEMENT_IDS.address);
    const start = field<HTMLButtonElement>(dialog, ELEMENT_IDS.start);
    expect(fake.openDialogs()).toEqual([dialog]);
    expect(error.textContent).toBe(
      'The conference could not dial recorder@example.com (auto). Check the address and try again.',
    );
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(address.value).toBe('recorder@example.com');
    expect(start.disabled).toBe(false);
    expect(start.textContent).toBe('Try again');

    address.value = 'sip:recorder@example.com';
    field<HTMLFormElement>(dialog, ELEMENT_IDS.form).requestSubmit();
    expect(error.hidden).toBe(true);
    fake.dials[1]?.answer({ result: ['rec-2'] });
    expect(fake.openDialogs()).toEqual([]);
  });

  it('shows the error when the app refuses to dial at all', async () => {
    fake.failNextDialOut(new Error('not connected'));
    const dialog = await openDialogAndSubmit('recorder@example.com');
    expect(field(dialog, ELEMENT_IDS.error).textContent).toBe('Dialling failed: not connected');
    expect(field<HTMLButtonElement>(dialog, ELEMENT_IDS.start).disabled).toBe(false);
  });
});

describe('stopping a recording', () => {
  it('disconnects the recorder this host dialled, not another streaming participant', async () => {
    await openDialogAndSubmit('rtmp://recorder.example.com/live');
    fake.dials[0]?.answer({ result: ['mine'] });
    const roster = [me, recorder('someone-elses-stream'), recorder('mine')];
    fake.participants$.next(roster);

    recordConference(roster);
    expect(fake.calls.filter((call) => call.name === 'disconnectParticipant')).toEqual([
      { name: 'disconnectParticipant', args: ['mine'] },
    ]);
    expect(fake.calls.filter((call) => call.name === 'openTemplateDialog')).toHaveLength(1);
  });

  it('stops a recorder that was started elsewhere', () => {
    fake.participants$.next([me, recorder('elsewhere')]);
    recordConference();
    expect(fake.calls).toContainEqual({ name: 'disconnectParticipant', args: ['elsewhere'] });
    expect(fake.calls.filter((call) => call.name === 'openTemplateDialog')).toEqual([]);
  });
});

describe('unloading', () => {
  it('stops following the roster and closes an open dialog', async () => {
    recordConference([me]);
    await fake.dialogOpened();
    await plugin.unload();
    expect(fake.participants$.observed).toBe(false);
    expect(fake.openDialogs()).toEqual([]);
  });
});

describe('browserAddressStore', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the address per browser', () => {
    browserAddressStore().write('rtmp://a');
    expect(browserAddressStore().read()).toBe('rtmp://a');
  });

  it("picks up the seed plugin's remembered alias", () => {
    localStorage.setItem('pexSimpleRecordPluginAlias', 'sip:old@example.com');
    expect(browserAddressStore().read()).toBe('sip:old@example.com');
  });

  it('works, remembering nothing, when storage is unavailable', () => {
    const store = browserAddressStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => store.write('x')).not.toThrow();
    expect(store.read()).toBe('');
  });
});
