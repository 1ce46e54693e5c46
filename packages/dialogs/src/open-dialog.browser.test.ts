import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { BUTTON_TAG } from './button.js';
import { DTMF_KEYPAD_TAG } from './dtmf-keypad.js';
import { openDialog } from './open-dialog.js';
import type { DialogHandle, OpenDialogOptions } from './open-dialog.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { deepActiveElement } from './tabbable-elements.js';
import { TEXT_INPUT_TAG } from './text-input.js';
import type { IpkTextInput } from './text-input.js';

const openHandles: DialogHandle[] = [];

async function open(options: OpenDialogOptions): Promise<DialogHandle> {
  const handle = openDialog(options);
  openHandles.push(handle);
  await handle.opened;
  return handle;
}

function nativeDialogOf(handle: DialogHandle): HTMLDialogElement {
  const dialog = handle.element.querySelector('dialog');
  if (!dialog) throw new Error('no <dialog> rendered');
  return dialog;
}

function isClosed(handle: DialogHandle): Promise<boolean> {
  // Settles at once if `closed` already resolved; a microtask later otherwise.
  return Promise.race([handle.closed.then(() => true), Promise.resolve().then(() => false)]);
}

afterEach(() => {
  for (const handle of openHandles.splice(0)) handle.close();
  document.body.replaceChildren();
});

const recordAliasBody = `<form>
  <input id="aliasInput" class="pex-text-input" aria-label="Alias" placeholder="Type the alias" autofocus />
  <button id="startButton" class="dialog-button green-action-button" type="button"
    onclick="document.getElementById('aliasInput').value = 'clicked-inline'">Start</button>
</form>`;

describe('openDialog with a string of plugin HTML (openTemplateDialog)', () => {
  it('puts the HTML in the light DOM, where document.getElementById finds it as soon as openDialog returns', () => {
    const handle = openDialog({ title: 'Record alias', content: recordAliasBody });
    openHandles.push(handle);
    const input = document.getElementById('aliasInput');
    expect(input).toBeInstanceOf(HTMLInputElement);
    expect(handle.element.contains(input)).toBe(true);
    expect(input?.getRootNode()).toBe(document);
  });

  it('runs the inline onclick handlers of the plugin HTML', async () => {
    await open({ title: 'Record alias', content: recordAliasBody });
    await userEvent.click(page.getByRole('button', { name: 'Start' }));
    expect((document.getElementById('aliasInput') as HTMLInputElement).value).toBe(
      'clicked-inline',
    );
  });

  it('is a modal dialog named by its title', async () => {
    const handle = await open({ title: 'Record alias', content: recordAliasBody });
    await expect.element(page.getByRole('dialog', { name: 'Record alias' })).toBeVisible();
    const dialog = nativeDialogOf(handle);
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.matches(':modal')).toBe(true);
  });

  it('holds its content in its accessible tree: role queries scoped to the dialog find the fields', async () => {
    const handle = await open({ title: 'Record alias', content: recordAliasBody });
    const dialog = page.getByRole('dialog', { name: 'Record alias' });
    await expect.element(dialog.getByRole('textbox', { name: 'Alias' })).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Start' })).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
    // In the document tree itself, not only through a slot.
    expect(nativeDialogOf(handle).contains(document.getElementById('aliasInput'))).toBe(true);
  });

  it('is visible as an element while open, and hidden once closed (what locators on it see)', async () => {
    const handle = await open({ title: 'Record alias', content: recordAliasBody });
    await expect.element(page.elementLocator(handle.element)).toBeVisible();
    handle.close();
    await handle.closed;
    expect(handle.element.isConnected).toBe(false);
  });

  it('is named by its label when it has no title (webapp2 allows title: null)', async () => {
    await open({ title: null, label: 'Layout control', content: '<p>Pick one</p>' });
    await expect.element(page.getByRole('dialog', { name: 'Layout control' })).toBeVisible();
  });
});

describe('focus', () => {
  it('moves into the dialog on open: to the [autofocus] element when there is one', async () => {
    await open({ title: 'Record alias', content: recordAliasBody });
    expect(deepActiveElement()).toBe(document.getElementById('aliasInput'));
  });

  it('moves to the first tabbable element of the content when nothing has autofocus', async () => {
    await open({
      title: 'Pick',
      content: '<p>Text</p><button id="first">One</button><button>Two</button>',
    });
    expect(deepActiveElement()).toBe(document.getElementById('first'));
  });

  it('moves into a component of the content once it has rendered (a keypad: its first key)', async () => {
    const keypad = document.createElement(DTMF_KEYPAD_TAG);
    await open({ title: 'Keypad', content: keypad });
    expect(deepActiveElement()).toBe(keypad.shadowRoot?.querySelector('button[data-digit="1"]'));
  });

  it('moves to the close button when the content has nothing to focus', async () => {
    const handle = await open({ title: 'Notice', content: '<p>Recording started</p>' });
    expect(deepActiveElement()).toBe(handle.element.renderRoot.querySelector('button.close'));
  });

  it('is trapped: Tab from the last element wraps to the close button, Shift+Tab wraps back', async () => {
    const handle = await open({
      title: 'Pick',
      content: '<button id="one">One</button><button id="two">Two</button>',
    });
    const closeButton = handle.element.renderRoot.querySelector('button.close');
    expect(deepActiveElement()).toBe(document.getElementById('one'));
    await userEvent.keyboard('{Tab}');
    expect(deepActiveElement()).toBe(document.getElementById('two'));
    await userEvent.keyboard('{Tab}');
    expect(deepActiveElement()).toBe(closeButton);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(deepActiveElement()).toBe(document.getElementById('two'));
  });

  it('is trapped across the shadow roots of components in the content', async () => {
    const input = document.createElement(TEXT_INPUT_TAG) as IpkTextInput;
    input.label = 'Alias';
    const button = document.createElement(BUTTON_TAG);
    button.textContent = 'Dial';
    const content = document.createElement('div');
    content.append(input, button);
    const handle = await open({ title: 'Dial out', content });
    const innerInput = input.shadowRoot?.querySelector('input');
    const innerButton = button.shadowRoot?.querySelector('button');
    const closeButton = handle.element.renderRoot.querySelector('button.close');
    expect(deepActiveElement()).toBe(innerInput);
    await userEvent.keyboard('{Tab}');
    expect(deepActiveElement()).toBe(innerButton);
    await userEvent.keyboard('{Tab}');
    expect(deepActiveElement()).toBe(closeButton);
    await userEvent.keyboard('{Tab}');
    expect(deepActiveElement()).toBe(innerInput);
    await userEvent.keyboard('{Shift>}{Tab}{Tab}{/Shift}');
    expect(deepActiveElement()).toBe(innerButton);
  });

  it('returns to the element that had it before the dialog opened', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Open';
    document.body.append(opener);
    opener.focus();
    const handle = await open({ title: 'Pick', content: '<button>One</button>' });
    expect(deepActiveElement()).not.toBe(opener);
    handle.close();
    await handle.closed;
    expect(document.activeElement).toBe(opener);
  });
});

describe('closing', () => {
  it('closes on Esc, resolves `closed` with undefined and removes the element', async () => {
    const handle = await open({ title: 'Pick', content: '<button>One</button>' });
    await userEvent.keyboard('{Escape}');
    await expect(handle.closed).resolves.toBeUndefined();
    expect(handle.element.isConnected).toBe(false);
  });

  it('closes from its close button', async () => {
    const handle = await open({ title: 'Pick', content: '<p>x</p>' });
    await userEvent.click(page.getByRole('button', { name: 'Close' }));
    await expect(handle.closed).resolves.toBeUndefined();
  });

  it('resolves `closed` with the result given to close(result)', async () => {
    const handle = await open({ title: 'Pick', content: '<p>x</p>' });
    handle.close({ choice: 'yes' });
    handle.close('ignored: already closed');
    await expect(handle.closed).resolves.toEqual({ choice: 'yes' });
  });

  it('closes on a backdrop click', async () => {
    const handle = await open({ title: 'Pick', content: '<p>x</p>' });
    await userEvent.click(page.getByRole('dialog'), { position: { x: 3, y: 3 } });
    await expect(handle.closed).resolves.toBeUndefined();
  });

  it("stays open on a backdrop click when the backdrop is 'static'", async () => {
    const handle = await open({ title: 'Pick', content: '<p>x</p>', backdrop: 'static' });
    await userEvent.click(page.getByRole('dialog'), { position: { x: 3, y: 3 } });
    expect(await isClosed(handle)).toBe(false);
    expect(nativeDialogOf(handle).open).toBe(true);
  });

  it('with closeDisabled: has no close button and ignores Esc (twice) and the backdrop, but close() works', async () => {
    const handle = await open({ title: 'Wait', content: '<p>Working…</p>', closeDisabled: true });
    await expect.element(page.getByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(page.getByRole('dialog'), { position: { x: 3, y: 3 } });
    expect(await isClosed(handle)).toBe(false);
    expect(nativeDialogOf(handle).open).toBe(true);
    handle.close('done');
    await expect(handle.closed).resolves.toBe('done');
  });
});

describe('other kinds of content', () => {
  it('refuses a Lit TemplateResult with what to do instead, and leaves nothing in the page', () => {
    const template = { _$litType$: 1, strings: ['<p>x</p>'], values: [] };
    expect(() => openDialog({ title: 'Lit', content: template as unknown as Node })).toThrow(
      /render it into an element with Lit's render\(template, element\) and pass the element/i,
    );
    expect(document.body.children).toHaveLength(0);
  });

  it('appends a DOM node as it is', async () => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'A node';
    const handle = await open({ title: 'Node', content: paragraph });
    expect(handle.contentElement.firstChild).toBe(paragraph);
  });

  it('rejects other content with a TypeError and leaves nothing in the page', () => {
    expect(() => openDialog({ title: 'Bad', content: 42 as unknown as string })).toThrow(
      /content must be a string of HTML or a DOM Node/,
    );
    expect(document.body.children).toHaveLength(0);
  });
});

/** A form as tall as chat-watcher's with many rules: taller than a phone's screen. */
const longForm = Array.from(
  { length: 30 },
  (_, index) =>
    `<p><input class="pex-text-input" aria-label="Pattern ${index + 1}" value="urgent ${index + 1}"></p>`,
).join('');

describe('look and accessibility', () => {
  afterEach(() => page.viewport(390, 664));

  // The e2e projects' phones (iPhone 14 in Chromium, Pixel 7), the smallest phone width in use,
  // and a desktop window.
  for (const [width, height] of [
    [320, 568],
    [390, 664],
    [412, 839],
    [1280, 720],
  ] as const) {
    it(`fits a ${width}×${height} screen and scrolls inside itself when its content is taller`, async () => {
      await page.viewport(width, height);
      const handle = await open({ title: 'Chat watcher rules', content: longForm });
      const panel = handle.element.panel.getBoundingClientRect();
      expect(panel.left).toBeGreaterThanOrEqual(0);
      expect(panel.right).toBeLessThanOrEqual(width);
      expect(panel.top).toBeGreaterThanOrEqual(0);
      expect(panel.bottom).toBeLessThanOrEqual(height);
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      const body = handle.element.renderRoot.querySelector('.body') as HTMLElement;
      expect(body.scrollHeight).toBeGreaterThan(body.clientHeight);
      const last = page.getByRole('dialog').getByRole('textbox', { name: 'Pattern 30' });
      await userEvent.click(last);
      await expect.element(last).toHaveFocus();
      const lastBox = document.querySelector('[aria-label="Pattern 30"]')?.getBoundingClientRect();
      expect(lastBox?.bottom).toBeLessThanOrEqual(height);
    });
  }

  it('moves focus in visual order: top to bottom, then back to the close button', async () => {
    const content = document.createElement('div');
    const input = document.createElement(TEXT_INPUT_TAG) as IpkTextInput;
    input.label = 'Digits';
    const button = document.createElement(BUTTON_TAG);
    button.textContent = 'Send';
    content.append(input, button);
    content.insertAdjacentHTML('beforeend', '<p><a href="#help">Help</a></p>');
    const handle = await open({ title: 'Send DTMF', content });
    const tops: number[] = [];
    for (let step = 0; step < 3; step++) {
      tops.push(deepActiveElement()?.getBoundingClientRect().top ?? Number.NaN);
      await userEvent.keyboard('{Tab}');
    }
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(deepActiveElement()).toBe(handle.element.renderRoot.querySelector('button.close'));
  });

  it('passes axe-core with no violations: plugin HTML, components, no title', async () => {
    await open({ title: 'Record alias', content: recordAliasBody });
    expect(await axeViolations()).toEqual([]);
    for (const handle of openHandles.splice(0)) handle.close();

    const input = document.createElement(TEXT_INPUT_TAG) as IpkTextInput;
    input.label = 'Digits';
    await open({ title: 'Send DTMF', content: input });
    expect(await axeViolations()).toEqual([]);
    for (const handle of openHandles.splice(0)) handle.close();

    await open({ title: null, label: 'Layout control', content: '<p>Pick one</p>' });
    expect(await axeViolations()).toEqual([]);
  });
});
