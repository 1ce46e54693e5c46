import type { ClientApiReply, Participant, PluginAPI } from '@ipk/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALOG_TAG, DTMF_KEYPAD_TAG, type IpkDialog, type IpkDtmfKeypad } from '@ipk/dialogs';
import { createDtmfPlugin, dtmfMenuState } from './dtmf-plugin';

type Listener<T> = (value: T) => void;

/** Enough of an RxJS subject for the plugin's state$ and the roster. */
class Subject<T> {
  readonly listeners = new Set<Listener<T>>();
  constructor(public value?: T) {}
  next(value: T): void {
    this.value = value;
    for (const listener of [...this.listeners]) listener(value);
  }
  subscribe(listener: Listener<T>) {
    this.listeners.add(listener);
    return { unsubscribe: () => this.listeners.delete(listener) };
  }
}

interface SentRequest {
  readonly path: string;
  readonly payload: unknown;
  answer(reply: ClientApiReply | Error): void;
}

/** A fake `PEX.pluginAPI`: each sendRequest waits until the test answers it. */
function fakeApi() {
  const requests: SentRequest[] = [];
  const states: Subject<unknown>[] = [];
  const api = {
    createNewState(initial?: unknown) {
      const subject = new Subject<unknown>(initial);
      states.push(subject);
      return subject;
    },
    sendRequest(path: string, payload?: unknown) {
      return new Promise<ClientApiReply>((resolve, reject) => {
        requests.push({
          path,
          payload,
          answer: (reply) => (reply instanceof Error ? reject(reply) : resolve(reply)),
        });
      });
    },
  } as unknown as Pick<PluginAPI, 'createNewState' | 'sendRequest'>;
  return { api, requests, states };
}

function person(fields: Partial<Participant>): Participant {
  return {
    uuid: 'p-1',
    name: 'Bob',
    role: 'guest',
    uri: 'sip:bob@example.com',
    startTime: 0,
    protocol: 'sip',
    isExternal: true,
    presenting: false,
    muted: false,
    canControl: false,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'audio',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: -1,
    rxPresentation: false,
    feccSupported: false,
    buzzTime: 0,
    ...fields,
  };
}

const OK: ClientApiReply = { status: 'success', result: true };

function keypad(): IpkDtmfKeypad {
  const found = document.querySelector<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
  if (!found) throw new Error('no keypad in the document');
  return found;
}

async function pressKey(digit: string): Promise<void> {
  const pad = keypad();
  await pad.updateComplete;
  const key = pad.shadowRoot?.querySelector<HTMLButtonElement>(`[data-digit="${digit}"]`);
  if (!key) throw new Error(`no key ${digit}`);
  key.click();
}

function dialogTitle(): string {
  return document.querySelector<IpkDialog>(DIALOG_TAG)?.heading ?? '';
}

function textOf(role: 'status' | 'alert'): string {
  return document.querySelector(`.ipk-dtmf-plugin [role="${role}"]`)?.textContent ?? '';
}

function typedField() {
  const field = document.querySelector<HTMLElement & { value: string; error: string }>(
    '.ipk-dtmf-plugin form > *:first-child',
  );
  if (!field) throw new Error('no digits field');
  return field;
}

function sendButton(): HTMLElement {
  const button = document.querySelector<HTMLElement>('.ipk-dtmf-plugin form > *:last-child');
  if (!button) throw new Error('no send button');
  return button;
}

let plugin: ReturnType<typeof createDtmfPlugin> | undefined;

afterEach(async () => {
  await plugin?.unload();
  plugin = undefined;
  document.body.replaceChildren();
});

function start() {
  const fake = fakeApi();
  plugin = createDtmfPlugin(fake.api);
  const participants$ = new Subject<Participant[]>();
  void plugin.load(participants$ as never, new Subject() as never);
  const open = (who: Participant) => (plugin?.['openKeypad'] as (p: Participant) => void)(who);
  return { ...fake, participants$, open };
}

describe('the DTMF plugin', () => {
  it('sends a clicked key to that participant at once and shows it as sent', async () => {
    const { requests, open } = start();
    open(person({ uuid: 'p-42', name: 'IVR' }));
    expect(dialogTitle()).toBe('Send DTMF to IVR');

    await pressKey('5');
    expect(requests.map(({ path, payload }) => ({ path, payload }))).toEqual([
      { path: 'participants/p-42/dtmf', payload: { digits: '5' } },
    ]);
    requests[0]?.answer(OK);
    await expect.poll(() => textOf('status')).toBe('Sent: 5');
    expect(keypad().sent).toBe('5');
  });

  it('sends keys one request at a time, in the order pressed', async () => {
    const { requests, open } = start();
    open(person({}));
    await pressKey('1');
    await pressKey('#');
    expect(requests).toHaveLength(1);
    requests[0]?.answer(OK);
    await expect.poll(() => requests.length).toBe(2);
    expect(requests[1]?.payload).toEqual({ digits: '#' });
    requests[1]?.answer(OK);
    await expect.poll(() => textOf('status')).toBe('Sent: 1#');
  });

  it('sends a typed sequence with the Send button and clears the field', async () => {
    const { requests, open } = start();
    open(person({}));
    typedField().value = '1234 #';
    sendButton().click();
    await expect.poll(() => requests[0]?.payload).toEqual({ digits: '1234#' });
    expect(typedField().value).toBe('');
    requests[0]?.answer(OK);
    await expect.poll(() => textOf('status')).toBe('Sent: 1234#');
  });

  it('sends the typed sequence on Enter too', async () => {
    const { requests, open } = start();
    open(person({}));
    typedField().value = '*99';
    typedField().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await expect.poll(() => requests[0]?.payload).toEqual({ digits: '*99' });
  });

  it('refuses typed characters that are not 0-9 * #, says which, and sends nothing', async () => {
    const { requests, open } = start();
    open(person({}));
    typedField().value = '12x4';
    sendButton().click();
    await Promise.resolve();
    expect(requests).toEqual([]);
    expect(typedField().error).toBe('Only 0-9, * and # can be sent; remove: x');
    expect(typedField().value).toBe('12x4');
  });

  it('shows the node’s refusal and does not count the digits as sent', async () => {
    const { requests, open } = start();
    open(person({}));
    await pressKey('7');
    requests[0]?.answer(new Error('403 Forbidden'));
    await expect.poll(() => textOf('alert')).toBe('Could not send 7: 403 Forbidden');
    expect(textOf('status')).toBe('');
    expect(keypad().sent).toBe('');

    await pressKey('8');
    requests[1]?.answer(OK);
    await expect.poll(() => textOf('status')).toBe('Sent: 8');
    expect(textOf('alert')).toBe('');
  });

  it('works for a gateway call: the digits go to the far end participant', async () => {
    const { requests, open } = start();
    open(person({ uuid: 'gw-far-end', serviceType: 'gateway', name: '' }));
    expect(dialogTitle()).toBe('Send DTMF to sip:bob@example.com');
    await pressKey('0');
    await expect.poll(() => requests[0]?.path).toBe('participants/gw-far-end/dtmf');
  });

  it('keeps one keypad open: a second participant replaces the first', async () => {
    const { open } = start();
    open(person({ uuid: 'a', name: 'Ann' }));
    open(person({ uuid: 'b', name: 'Ben' }));
    await expect.poll(() => document.querySelectorAll(DTMF_KEYPAD_TAG).length).toBe(1);
    expect(keypad().label).toBe('Keypad for Ben');
  });

  it('hides the item for control-only and streaming participants, from the roster', () => {
    const { states, participants$ } = start();
    participants$.next([
      person({ uuid: 'phone' }),
      person({ uuid: 'roster-only', protocol: 'api', callType: 'api' }),
      person({ uuid: 'recorder', protocol: 'rtmp', callType: 'video', isStreaming: true }),
      person({ uuid: 'browser', protocol: 'api', callType: 'video' }),
    ]);
    expect(states[0]?.value).toEqual({ 'roster-only': null, recorder: null });
  });

  it('stops following the roster and closes its keypad on unload', async () => {
    const { participants$, open } = start();
    open(person({}));
    await plugin?.unload();
    plugin = undefined;
    expect(participants$.listeners.size).toBe(0);
    await expect.poll(() => document.querySelectorAll(DTMF_KEYPAD_TAG).length).toBe(0);
  });
});

describe('dtmfMenuState', () => {
  it('is empty (the item shows for everyone) when everyone can take tones', () => {
    expect(
      dtmfMenuState([person({ uuid: 'a' }), person({ uuid: 'b', callType: 'video' })]),
    ).toEqual({});
  });
});
