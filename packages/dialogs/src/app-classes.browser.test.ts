import { afterEach, describe, expect, it } from 'vitest';
import { adoptAppClasses } from './app-classes.js';

afterEach(() => {
  document.adoptedStyleSheets = [];
  document.body.replaceChildren();
});

function pluginButton(): HTMLButtonElement {
  document.body.insertAdjacentHTML(
    'beforeend',
    '<button class="dialog-button green-action-button">Start</button>',
  );
  return document.body.lastElementChild as HTMLButtonElement;
}

describe('adoptAppClasses', () => {
  it("styles plugin HTML that uses webapp2's classes, and only once adopted", () => {
    const button = pluginButton();
    const unstyled = getComputedStyle(button).backgroundColor;
    const remove = adoptAppClasses();
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(0, 122, 83)');
    remove();
    expect(getComputedStyle(button).backgroundColor).toBe(unstyled);
  });

  it('adds its sheet once however often it is called', () => {
    adoptAppClasses();
    adoptAppClasses();
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('follows the --ipk-color-* theme', () => {
    document.documentElement.style.setProperty('--ipk-color-green', 'rgb(1, 2, 3)');
    const button = pluginButton();
    adoptAppClasses();
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(1, 2, 3)');
    document.documentElement.style.removeProperty('--ipk-color-green');
  });
});
