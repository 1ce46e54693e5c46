import { afterEach, describe, expect, it } from 'vitest';
import { openDialog } from './open-dialog.js';
import { BUTTON_TAG } from './button.js';
import { DTMF_KEYPAD_TAG } from './dtmf-keypad.js';
import { LAYOUT_PICKER_TAG } from './layout-picker.js';
import { SELECT_TAG } from './select.js';
import { TEXT_INPUT_TAG } from './text-input.js';
import { showToast } from './toast.js';

afterEach(() => document.body.replaceChildren());

const probedProperties = [
  'background-color',
  'color',
  'font-family',
  'font-size',
  'border-top-width',
  'padding-top',
  'display',
  'outline-style',
] as const;

function pageElements(): HTMLElement[] {
  document.body.insertAdjacentHTML(
    'beforeend',
    `<div id="page"><h2>Page heading</h2><button>Page button</button><input aria-label="Page input">
     <select aria-label="Page select"><option>One</option></select><ul><li>Item</li></ul><output>1</output></div>`,
  );
  return [...document.querySelectorAll<HTMLElement>('#page, #page *')];
}

function styleOf(elements: HTMLElement[]): string[] {
  return elements.map((element) => {
    const style = getComputedStyle(element);
    return probedProperties.map((property) => style.getPropertyValue(property)).join('|');
  });
}

describe('styles', () => {
  it("do not leak out of the components' shadow roots onto the page's own elements", async () => {
    const elements = pageElements();
    const before = styleOf(elements);
    for (const tag of [
      BUTTON_TAG,
      TEXT_INPUT_TAG,
      SELECT_TAG,
      DTMF_KEYPAD_TAG,
      LAYOUT_PICKER_TAG,
    ]) {
      document.body.append(document.createElement(tag));
    }
    await showToast('Toast', { timeoutMs: 0 }).shown;
    const dialog = openDialog({ title: 'Dialog', content: '<p>Content</p>' });
    await dialog.opened;
    dialog.close();
    expect(styleOf(elements)).toEqual(before);
  });
});
