// One look for every form control a plugin shows: the components and webapp2's classes (which
// template-dialog plugins use in their HTML) agree on the box of a field and of a button.
import { afterEach, describe, expect, it } from 'vitest';
import { adoptAppClasses } from './app-classes.js';
import { BUTTON_TAG } from './button.js';
import { SELECT_TAG } from './select.js';
import { TEXT_INPUT_TAG } from './text-input.js';
import type { IpkSelect } from './select.js';
import type { IpkTextInput } from './text-input.js';
import { mount } from '../test-support/mount.js';

afterEach(() => {
  document.adoptedStyleSheets = [];
  document.body.replaceChildren();
});

const BOX = [
  'min-height',
  'height',
  'padding-left',
  'padding-top',
  'border-top-width',
  'border-top-color',
  'border-top-left-radius',
  'background-color',
  'color',
  'font-size',
] as const;

function look(element: Element | null | undefined, properties: readonly string[]): string[] {
  if (!element) throw new Error('no element to measure');
  const style = getComputedStyle(element);
  return properties.map((property) => `${property}: ${style.getPropertyValue(property)}`);
}

function appHtml(markup: string): Element | null {
  document.body.insertAdjacentHTML('beforeend', markup);
  return document.body.lastElementChild;
}

describe('form controls', () => {
  it('text fields and selects look the same, as components and as webapp2 classes', async () => {
    adoptAppClasses();
    const input = await mount<IpkTextInput>(TEXT_INPUT_TAG, (field) => (field.label = 'Alias'));
    const select = await mount<IpkSelect>(SELECT_TAG, (field) => {
      field.label = 'Then';
      field.options = [{ value: 'a', label: 'Show an alert' }];
    });
    const expected = look(input.renderRoot.querySelector('input'), BOX);
    expect(look(select.renderRoot.querySelector('select'), BOX)).toEqual(expected);
    expect(look(appHtml('<input class="pex-text-input" aria-label="Alias">'), BOX)).toEqual(
      expected,
    );
    expect(
      look(
        appHtml('<select class="pex-text-input" aria-label="Then"><option>A</option></select>'),
        BOX,
      ),
    ).toEqual(expected);
  });

  it('buttons look the same, as components and as webapp2 classes', async () => {
    adoptAppClasses();
    const properties = BOX.filter((property) => !property.startsWith('border'));
    const button = await mount(BUTTON_TAG, (element) => (element.textContent = 'Save'));
    const expected = look(button.renderRoot.querySelector('button'), [
      ...properties,
      'font-weight',
    ]);
    const plain = appHtml('<button class="dialog-button green-action-button">Save</button>');
    expect(look(plain, [...properties, 'font-weight'])).toEqual(expected);
  });
});
