// The dialogs of the kit's five plugins, as they are put together (plugins/*/src/*-dialog.ts):
// webapp2-class HTML in a template dialog (recording, chat-watcher, screenshot) and components
// in openDialog (dtmf, layout), in Chromium with webapp2's classes adopted as the kit's host
// does. Each must fit a phone from 320 px wide without sideways scrolling, keep its fields in
// the dialog's accessible tree, move focus in visual order and pass axe (no serious or critical
// violation).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { adoptAppClasses } from './app-classes.js';
import { BUTTON_TAG } from './button.js';
import { CHECKBOX_TAG } from './checkbox.js';
import { DTMF_KEYPAD_TAG } from './dtmf-keypad.js';
import { LAYOUT_PICKER_TAG } from './layout-picker.js';
import type { IpkLayoutPicker } from './layout-picker.js';
import { openDialog } from './open-dialog.js';
import type { DialogHandle } from './open-dialog.js';
import { deepActiveElement } from './tabbable-elements.js';
import { TEXT_INPUT_TAG } from './text-input.js';
import type { IpkTextInput } from './text-input.js';
import { axeViolations } from '../test-support/axe-violations.js';

const RULE_ACTIONS = ['Show an alert', 'Raise a toast', 'Lock the conference', 'Mute all guests'];

function chatWatcherRules(): HTMLElement {
  const form = document.createElement('form');
  form.style.cssText = 'display:flex;flex-direction:column;gap:10px';
  form.innerHTML = `<p class="pex-dialog-content-message" style="margin:0">When a chat message matches
    the text or the /regular expression/, do the action.</p><ul style="list-style:none;margin:0;padding:0;
    display:flex;flex-direction:column;gap:12px"></ul>
    <button type="button" class="dialog-button blue-action-button" style="align-self:flex-start">Add rule</button>
    <button type="submit" class="dialog-button green-action-button">Save rules</button>`;
  const list = form.querySelector('ul');
  for (const pattern of ['urgent', '/^help\\b/i']) {
    const row = document.createElement('li');
    row.style.cssText =
      'display:grid;grid-template-columns:minmax(0,1fr) auto;gap:6px;align-items:center';
    row.innerHTML = `<input class="pex-text-input" style="grid-column:1 / -1" aria-label="When a message matches"
      value="${pattern}"><select class="pex-text-input" aria-label="Then">${RULE_ACTIONS.map(
        (action) => `<option>${action}</option>`,
      ).join('')}</select><button type="button" class="dialog-button red-action-button"
      aria-label="Remove rule">Remove</button>`;
    list?.append(row);
  }
  return form;
}

const recordingBody = `<form><label>Recorder address <input id="address" class="pex-text-input"
  placeholder="rtmp://…, sip:…, h323:…, mssip:… or an alias"></label>
  <p role="alert" style="color:#c4161c;margin:0">The conference could not dial x (auto).</p>
  <button class="dialog-button green-action-button">Start recording</button></form>`;

const screenshotBody = `<div><fieldset><legend>Video</legend>
  <label><input type="radio" name="s" value="0" checked> Conference video</label>
  <label><input type="radio" name="s" value="1"> Your camera (self view)</label></fieldset>
  <img alt="Preview of the screenshot" style="max-width:100%" width="1280" height="720"
    src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1280' height='720'/%3E">
  <button class="dialog-button blue-action-button">Capture again</button>
  <button class="dialog-button green-action-button">Download PNG</button></div>`;

function dtmfKeypad(): HTMLElement {
  const content = document.createElement('div');
  const keypad = document.createElement(DTMF_KEYPAD_TAG);
  keypad.setAttribute('label', 'Keypad for IVR');
  const form = document.createElement('form');
  const digits = document.createElement(TEXT_INPUT_TAG) as IpkTextInput;
  digits.label = 'Digits';
  const send = document.createElement(BUTTON_TAG);
  send.textContent = 'Send';
  form.append(digits, send);
  content.append(keypad, form);
  content.insertAdjacentHTML('beforeend', '<p role="status">Sent: 42</p><p role="alert"></p>');
  return content;
}

function layoutChooser(): HTMLElement {
  const content = document.createElement('div');
  content.style.cssText = 'display:flex;flex-direction:column;gap:.5rem';
  for (const heading of ['Hosts see', 'Guests see']) {
    const title = document.createElement('h3');
    title.textContent = heading;
    const picker = document.createElement(LAYOUT_PICKER_TAG) as IpkLayoutPicker;
    picker.label = heading;
    picker.layouts = ['1:0', '4:0', '9:0', '16:0', '1:7', '1:21', 'ac'];
    content.append(title, picker);
  }
  const names = document.createElement(CHECKBOX_TAG);
  names.textContent = 'Show names (overlay text)';
  const reset = document.createElement(BUTTON_TAG);
  reset.setAttribute('variant', 'blue');
  reset.style.alignSelf = 'flex-start';
  reset.textContent = 'Back to default';
  content.append(names, reset);
  content.insertAdjacentHTML('beforeend', '<p role="status">Current layout: default</p>');
  return content;
}

const dialogs: readonly [title: string, content: () => string | Node, field: string][] = [
  ['Start recording', () => recordingBody, 'textbox'],
  ['Chat watcher rules', chatWatcherRules, 'combobox'],
  ['Take a screenshot', () => screenshotBody, 'radio'],
  ['Send DTMF to IVR', dtmfKeypad, 'textbox'],
  ['Conference layout', layoutChooser, 'checkbox'],
];

let handle: DialogHandle | undefined;
beforeAll(() => adoptAppClasses());
afterEach(async () => {
  handle?.close();
  handle = undefined;
  await page.viewport(390, 664);
  document.body.replaceChildren();
});

for (const [title, content, field] of dialogs) {
  describe(`the ${title} dialog`, () => {
    for (const [width, height] of [
      [320, 568],
      [390, 664],
      [412, 839],
    ] as const) {
      it(`fits ${width}×${height} with no sideways scrolling, its ${field} inside the dialog`, async () => {
        await page.viewport(width, height);
        handle = openDialog({ title, content: content() });
        await handle.opened;
        const dialog = page.getByRole('dialog', { name: title });
        await expect.element(dialog.getByRole(field as 'textbox').first()).toBeInTheDocument();
        const panel = handle.element.panel.getBoundingClientRect();
        expect(panel.left).toBeGreaterThanOrEqual(0);
        expect(panel.right).toBeLessThanOrEqual(width);
        expect(panel.bottom).toBeLessThanOrEqual(height);
        const body = handle.element.renderRoot.querySelector('.body') as HTMLElement;
        expect(body.scrollWidth).toBeLessThanOrEqual(body.clientWidth);
        for (const control of handle.contentElement.querySelectorAll('input:not([type=radio])')) {
          // Text fields keep a usable width (chat-watcher's pattern once shrank to ~60 px).
          expect(control.getBoundingClientRect().width).toBeGreaterThan(200);
        }
      });
    }

    it('moves focus through its controls top to bottom, left to right', async () => {
      handle = openDialog({ title, content: content() });
      await handle.opened;
      const positions: { top: number; left: number }[] = [];
      for (let step = 0; step < 6; step++) {
        const active = deepActiveElement();
        if (!active || active.closest?.('header') || active.matches('button.close')) break;
        const { top, left } = active.getBoundingClientRect();
        positions.push({ top, left });
        await userEvent.keyboard('{Tab}');
      }
      expect(positions.length).toBeGreaterThan(1);
      positions.slice(1).forEach((position, index) => {
        const before = positions[index] as { top: number; left: number };
        const sameRow = Math.abs(position.top - before.top) < 4;
        expect(sameRow ? position.left > before.left : position.top > before.top).toBe(true);
      });
    });

    it('has no serious or critical axe violation', async () => {
      handle = openDialog({ title, content: content() });
      await handle.opened;
      expect(await axeViolations(document, { seriousOnly: true })).toEqual([]);
    });
  });
}
