// The built plugin, loaded by the host runtime as webapp2 would load it (package file validated,
// role enforced, the IIFE evaluated as a classic script), driven through its participant menu.
import { createPluginHarness, type PluginHarness } from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'dtmf.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

/** The @ipk/dialogs release this plugin is built against (what Rollup bundles). */
function bundledDialogsVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@ipk/dialogs');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  document.body.replaceChildren();
});

async function load(options: { role?: 'chair' | 'guest' } = {}) {
  harness = await createPluginHarness({ packageFile, sourceText, ...options });
  return harness;
}

function keyOf(digit: string): HTMLButtonElement {
  const pad = document.querySelector(
    `ipk-dtmf-keypad-v${bundledDialogsVersion().replace(/\./g, '-')}`,
  );
  const key = pad?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-digit="${digit}"]`);
  if (!key) throw new Error(`key ${digit} is not rendered`);
  return key;
}

describe('dtmf, in the host runtime', () => {
  it('loads for a host with a "Send DTMF" item in the participant menu', async () => {
    const host = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([{ placement: 'participants', label: 'Send DTMF' }]);
  });

  it('is not offered to guests', async () => {
    const guest = await load({ role: 'guest' });
    expect(guest.record().status.kind).toBe('skipped');
    expect(guest.menuItems()).toEqual([]);
  });

  it('opens the bundled keypad (this @ipk/dialogs release’s tag) and sends a pressed key', async () => {
    const host = await load();
    await host.invoke('openKeypad', {
      uuid: 'ivr-1',
      name: 'IVR',
      protocol: 'sip',
      callType: 'audio',
    });
    const version = bundledDialogsVersion();
    // The bundle carries its own copy of the components, stamped with the release it was built from…
    expect(sourceText).toMatch(
      new RegExp(`COMPONENTS_VERSION = ["']${version.replace(/\./g, '\\.')}["']`),
    );
    // …and the keypad in the dialog uses that release's versioned tag.
    const tag = `ipk-dtmf-keypad-v${version.replace(/\./g, '-')}`;
    expect(customElements.get(tag)).toBeDefined();
    await expect
      .poll(() => document.querySelector(tag)?.shadowRoot?.querySelector('[data-digit="9"]'))
      .toBeTruthy();

    keyOf('9').click();
    await expect
      .poll(() =>
        host.requests.filter((request) => request.call === 'sendRequest').map((r) => r.args),
      )
      .toEqual([['participants/ivr-1/dtmf', { digits: '9' }]]);
    await expect.poll(() => document.querySelector('[role="status"]')?.textContent).toBe('Sent: 9');
  });

  it('hides the item for control-only participants through per-participant state', async () => {
    const host = await load();
    host.pushParticipants([
      { uuid: 'phone', protocol: 'sip', callType: 'audio' },
      { uuid: 'api-only', protocol: 'api', callType: 'api' },
    ]);
    await expect.poll(() => host.state()).toMatchObject({ 'api-only': null });
    expect(host.state()).not.toHaveProperty('phone');
  });

  it('closes its keypad when the plugin is unloaded', async () => {
    const host = await load();
    await host.invoke('openKeypad', { uuid: 'ivr-1', name: 'IVR' });
    await host.unload();
    await expect.poll(() => document.querySelectorAll('[role="status"]').length).toBe(0);
  });
});
