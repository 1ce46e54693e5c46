// The built plugin (the IIFE webapp2 would load) in @ipk/host-runtime's harness: package file
// validated, role enforced, driven through its participant menu; the fake node answers each DTMF
// request when the test says so.
import { createPluginHarness, heldAnswers, type PluginHarness } from '@ipk/host-runtime/testing';
// Defines nothing: the bundle under test registers its own copy of the components.
import { COMPONENTS_VERSION, versionedTagName } from '@ipk/dialogs/define-element';
import { bundlePlugin } from '@ipk/rollup-config';
import { seriousAxeViolations } from '@ipk/host-runtime/testing/axe';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'dtmf.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

/** A component's tag in the bundle: stamped with the @ipk/dialogs release it was built from. */
const tag = (base: string) => versionedTagName(base, COMPONENTS_VERSION);

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  document.body.replaceChildren();
});

/** Loads the plugin; every node request waits in `pending` until the test answers it. */
async function load(options: { role?: 'chair' | 'guest' } = {}) {
  const { held: pending, answerRequest } = heldAnswers();
  harness = await createPluginHarness({ packageFile, sourceText, ...options, answerRequest });
  return { host: harness, pending };
}

function keypad(): HTMLElement & { sent: string; label: string } {
  const found = document.querySelector<HTMLElement & { sent: string; label: string }>(
    tag('ipk-dtmf-keypad'),
  );
  if (!found) throw new Error('no keypad in the document');
  return found;
}

async function pressKey(digit: string): Promise<void> {
  let key: HTMLButtonElement | null | undefined;
  await expect
    .poll(() => (key = keypad().shadowRoot?.querySelector(`[data-digit="${digit}"]`)))
    .toBeTruthy();
  key?.click();
}

const dialogTitle = () =>
  document.querySelector<HTMLElement & { heading: string }>(tag('ipk-dialog'))?.heading;
const line = (role: 'status' | 'alert') =>
  document.querySelector(`.ipk-dtmf-plugin [role="${role}"]`)?.textContent ?? '';
const typedField = () =>
  document.querySelector(tag('ipk-text-input')) as HTMLElement & { value: string; error: string };
const sendButton = () => document.querySelector(tag('ipk-button')) as HTMLElement;

describe('dtmf, in the host runtime', () => {
  it('loads for a host with a "Send DTMF" item in the participant menu', async () => {
    const { host } = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([{ placement: 'participants', label: 'Send DTMF' }]);
  });

  it('is not offered to guests', async () => {
    const { host } = await load({ role: 'guest' });
    expect(host.record().status.kind).toBe('skipped');
    expect(host.menuItems()).toEqual([]);
  });

  it('sends a clicked key to that participant at once and shows it once the node took it', async () => {
    const { host, pending } = await load();
    await host.invoke('openKeypad', { uuid: 'p-42', name: 'IVR' });
    expect(dialogTitle()).toBe('Send DTMF to IVR');
    // The bundle carries its own copy of the components, stamped with the release it was built from.
    // (Single or double quotes: the build takes @ipk/dialogs as published, tsc's output.)
    expect(sourceText).toMatch(
      new RegExp(`COMPONENTS_VERSION = ['"]${COMPONENTS_VERSION.replaceAll('.', '\\.')}['"]`),
    );

    await pressKey('5');
    await expect
      .poll(() => pending.map(({ path, body }) => ({ path, body })))
      .toEqual([{ path: 'participants/p-42/dtmf', body: { digits: '5' } }]);
    expect(line('status')).toBe('');
    pending[0]?.succeed();
    await expect.poll(() => line('status')).toBe('Sent: 5');
    expect(keypad().sent).toBe('5');
  });

  it('has no serious or critical axe violation in its keypad dialog', async () => {
    const { host } = await load();
    await host.invoke('openKeypad', { uuid: 'p-1', name: 'IVR' });
    await pressKey('1');
    expect(
      await seriousAxeViolations(document.querySelector(tag('ipk-dialog')) as Element),
    ).toEqual([]);
  });

  it('sends keys one request at a time, in the order pressed', async () => {
    const { host, pending } = await load();
    await host.invoke('openKeypad', { uuid: 'p-1' });
    await pressKey('1');
    await pressKey('#');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.succeed();
    await expect.poll(() => pending.length).toBe(2);
    expect(pending[1]?.body).toEqual({ digits: '#' });
    pending[1]?.succeed();
    await expect.poll(() => line('status')).toBe('Sent: 1#');
  });

  it('sends a typed sequence with the Send button, and on Enter, clearing the field', async () => {
    const { host, pending } = await load();
    await host.invoke('openKeypad', { uuid: 'p-1' });
    typedField().value = '1234 #';
    sendButton().click();
    await expect.poll(() => pending[0]?.body).toEqual({ digits: '1234#' });
    expect(typedField().value).toBe('');
    pending[0]?.succeed();
    await expect.poll(() => line('status')).toBe('Sent: 1234#');

    typedField().value = '*99';
    typedField().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await expect.poll(() => pending[1]?.body).toEqual({ digits: '*99' });
  });

  it('refuses typed characters that are not 0-9 * #, says which, and sends nothing', async () => {
    const { host } = await load();
    await host.invoke('openKeypad', { uuid: 'p-1' });
    typedField().value = '12x4';
    sendButton().click();
    expect(typedField().error).toBe('Only 0-9, * and # can be sent; remove: x');
    expect(typedField().value).toBe('12x4');
    // The keypad sends through a promise queue: a send would be recorded a few microtasks after
    // the click, so the check waits for a macrotask first or it could never fail.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.requests.filter((request) => request.call === 'sendRequest')).toEqual([]);
  });

  it('shows the node’s refusal and does not count those digits as sent', async () => {
    const { host, pending } = await load();
    await host.invoke('openKeypad', { uuid: 'p-1' });
    await pressKey('7');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.answer({ status: 403, body: { status: 'failed', result: 'Forbidden' } });
    await expect.poll(() => line('alert')).toBe('Could not send 7: Forbidden');
    expect(line('status')).toBe('');
    expect(keypad().sent).toBe('');

    await pressKey('8');
    await expect.poll(() => pending.length).toBe(2);
    pending[1]?.succeed();
    await expect.poll(() => line('status')).toBe('Sent: 8');
    expect(line('alert')).toBe('');
  });

  it('works for a gateway call: the digits go to the far end participant', async () => {
    const { host, pending } = await load();
    await host.invoke('openKeypad', {
      uuid: 'gw-far-end',
      name: '',
      uri: 'sip:bob@example.com',
      serviceType: 'gateway',
    });
    // The host names a participant without a display name after its URI, without `sip:` (as
    // PexRTC and webapp3 do): the plugin shows that name.
    expect(dialogTitle()).toBe('Send DTMF to bob@example.com');
    await pressKey('0');
    await expect.poll(() => pending[0]?.path).toBe('participants/gw-far-end/dtmf');
  });

  it('keeps one keypad open: a second participant replaces the first', async () => {
    const { host } = await load();
    await host.invoke('openKeypad', { uuid: 'a', name: 'Ann' });
    await host.invoke('openKeypad', { uuid: 'b', name: 'Ben' });
    await expect.poll(() => document.querySelectorAll(tag('ipk-dtmf-keypad')).length).toBe(1);
    expect(keypad().label).toBe('Keypad for Ben');
  });

  it('hides the item for control-only and streaming participants, from the roster', async () => {
    const { host } = await load();
    host.pushParticipants([
      { uuid: 'phone', protocol: 'sip', callType: 'audio' },
      { uuid: 'roster-only', protocol: 'api', callType: 'api' },
      { uuid: 'recorder', protocol: 'rtmp', isStreaming: true },
      { uuid: 'browser', protocol: 'api', callType: 'video' },
    ]);
    expect(host.state()).toEqual({ 'self-uuid': null, 'roster-only': null, recorder: null });
  });

  it('closes its keypad on unload', async () => {
    const { host } = await load();
    await host.invoke('openKeypad', { uuid: 'ivr-1', name: 'IVR' });
    await host.unload();
    await expect.poll(() => document.querySelectorAll(tag('ipk-dtmf-keypad')).length).toBe(0);
  });
});

describe('the menu state', () => {
  it('hides the item for nobody who can take tones (only this API-only host is hidden)', async () => {
    const { host } = await load();
    host.pushParticipants([
      { uuid: 'a', callType: 'audio', protocol: 'sip' },
      { uuid: 'b', callType: 'video', protocol: 'webrtc' },
    ]);
    expect(host.state()).toEqual({ 'self-uuid': null });
  });
});
