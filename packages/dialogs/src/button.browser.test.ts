import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { BUTTON_TAG } from './button.js';
import type { IpkButton } from './button.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { mount } from '../test-support/mount.js';

afterEach(() => document.body.replaceChildren());

function innerButton(element: IpkButton): HTMLButtonElement {
  const button = element.shadowRoot?.querySelector('button');
  if (!button) throw new Error('no inner <button>');
  return button;
}

describe('ipk-button', () => {
  it('is a button named by its text, clickable with the mouse and the keyboard', async () => {
    let clicks = 0;
    const element = await mount<IpkButton>(BUTTON_TAG, (button) => {
      button.textContent = 'Start recording';
      button.addEventListener('click', () => clicks++);
    });
    await userEvent.click(page.getByRole('button', { name: 'Start recording' }));
    element.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(clicks).toBe(3);
  });

  it('paints the green, blue and red action colours, and follows --ipk-color-* overrides', async () => {
    const colours: Record<string, string> = {};
    for (const variant of ['green', 'blue', 'red'] as const) {
      const element = await mount<IpkButton>(BUTTON_TAG, (button) => {
        button.variant = variant;
        button.textContent = variant;
      });
      colours[variant] = getComputedStyle(innerButton(element)).backgroundColor;
    }
    expect(colours).toEqual({
      green: 'rgb(0, 122, 83)',
      blue: 'rgb(11, 99, 193)',
      red: 'rgb(196, 22, 28)',
    });
    document.body.style.setProperty('--ipk-color-red', 'rgb(1, 2, 3)');
    const themed = await mount<IpkButton>(BUTTON_TAG, (button) => (button.variant = 'red'));
    expect(getComputedStyle(innerButton(themed)).backgroundColor).toBe('rgb(1, 2, 3)');
    document.body.style.removeProperty('--ipk-color-red');
  });

  it('cannot be clicked or focused while disabled', async () => {
    let clicks = 0;
    const element = await mount<IpkButton>(BUTTON_TAG, (button) => {
      button.disabled = true;
      button.textContent = 'Stop';
      button.addEventListener('click', () => clicks++);
    });
    await expect.element(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
    await userEvent.click(page.getByRole('button', { name: 'Stop' }), { force: true });
    element.focus();
    expect(element.shadowRoot?.activeElement).toBeNull();
    expect(clicks).toBe(0);
  });

  it('passes axe-core in every variant', async () => {
    for (const variant of ['green', 'blue', 'red'] as const) {
      await mount<IpkButton>(BUTTON_TAG, (button) => {
        button.variant = variant;
        button.textContent = `${variant} action`;
      });
    }
    expect(await axeViolations()).toEqual([]);
  });

  it('keeps its styles inside its shadow root', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'page button';
    document.body.append(outside);
    const before = getComputedStyle(outside).backgroundColor;
    await mount<IpkButton>(BUTTON_TAG, (button) => (button.textContent = 'ours'));
    expect(getComputedStyle(outside).backgroundColor).toBe(before);
  });
});
