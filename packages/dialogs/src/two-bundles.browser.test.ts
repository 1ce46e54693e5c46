import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type * as DialogsPackage from './index.js';

/**
 * Two plugins that each bundle their own copy of @ipk/dialogs (and of Lit), from different
 * releases, loaded into one page as classic scripts — as webapp2 loads plugin IIFEs. This file
 * imports no component itself, so the page starts with nothing registered.
 */
type Bundle = typeof DialogsPackage;

const scriptErrors: unknown[] = [];
window.addEventListener('error', (event) => scriptErrors.push(event.error ?? event.message));

async function loadBundle(version: string, globalName: string): Promise<Bundle> {
  const code = await commands.buildTestBundle(version, globalName);
  const script = document.createElement('script');
  script.textContent = code;
  document.head.append(script);
  const api = (window as unknown as Record<string, Bundle | undefined>)[globalName];
  if (!api) throw new Error(`bundle ${globalName} did not expose its API`);
  return api;
}

let pluginA: Bundle;
let pluginB: Bundle;
let pluginAAgain: Bundle;

beforeAll(async () => {
  pluginA = await loadBundle('0.1.0', 'pluginA');
  pluginB = await loadBundle('0.2.0-test', 'pluginB');
  pluginAAgain = await loadBundle('0.1.0', 'pluginAAgain');
});

afterEach(() => document.body.replaceChildren());

describe('two plugin bundles of different releases on one page', () => {
  it('load without any error, the same release twice included', () => {
    expect(scriptErrors).toEqual([]);
  });

  it('each register their own versioned tags', () => {
    expect(pluginA.DIALOG_TAG).toBe('ipk-dialog-v0-1-0');
    expect(pluginB.DIALOG_TAG).toBe('ipk-dialog-v0-2-0-test');
    expect(customElements.get(pluginA.DIALOG_TAG)).toBe(pluginA.IpkDialog);
    expect(customElements.get(pluginB.DIALOG_TAG)).toBe(pluginB.IpkDialog);
    expect(pluginB.IpkDialog).not.toBe(pluginA.IpkDialog);
  });

  it('share one definition when they are the same release', () => {
    expect(pluginAAgain.DIALOG_TAG).toBe(pluginA.DIALOG_TAG);
    expect(pluginAAgain.DTMF_KEYPAD_TAG).toBe(pluginA.DTMF_KEYPAD_TAG);
    expect(customElements.get(pluginAAgain.DIALOG_TAG)).toBe(pluginA.IpkDialog);
  });

  it("never throw when a bundle's define runs again", () => {
    expect(() => pluginB.defineElement('ipk-dialog', pluginB.IpkDialog)).not.toThrow();
    expect(() => pluginAAgain.defineElement('ipk-dialog', pluginAAgain.IpkDialog)).not.toThrow();
  });

  it('open dialogs from both, stacked; Esc closes the top one first', async () => {
    const fromA = pluginA.openDialog({ title: 'Plugin A', content: '<button>A action</button>' });
    await fromA.opened;
    const fromB = pluginB.openDialog({ title: 'Plugin B', content: '<button>B action</button>' });
    await fromB.opened;
    await expect.element(page.getByRole('dialog', { name: 'Plugin B' })).toBeVisible();
    expect(document.activeElement?.textContent).toBe('B action');

    await userEvent.keyboard('{Escape}');
    await expect(fromB.closed).resolves.toBeUndefined();
    expect(fromA.element.isConnected).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect(fromA.closed).resolves.toBeUndefined();
  });

  it("work with the other copy's components inside: a keypad from A in a dialog from B", async () => {
    const keypad = document.createElement(pluginAAgain.DTMF_KEYPAD_TAG);
    const digits: string[] = [];
    keypad.addEventListener('ipk-digit', (event) =>
      digits.push((event as CustomEvent<{ digit: string }>).detail.digit),
    );
    const dialog = pluginB.openDialog({ title: 'DTMF', content: keypad });
    await dialog.opened;
    await userEvent.click(page.getByRole('button', { name: '4', exact: true }));
    await userEvent.keyboard('2#');
    expect(digits.join('')).toBe('42#');
    dialog.close();
  });
});
