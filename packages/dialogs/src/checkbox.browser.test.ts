import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { CHECKBOX_TAG } from './checkbox.js';
import type { CheckboxChangeDetail, IpkCheckbox } from './checkbox.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { mount, recordEvents } from '../test-support/mount.js';

afterEach(() => document.body.replaceChildren());

const showNames = (box: IpkCheckbox) => (box.textContent = 'Show names');

describe('ipk-checkbox', () => {
  it('is a checkbox named by its label, plainly unchecked at first (never mixed)', async () => {
    await mount<IpkCheckbox>(CHECKBOX_TAG, showNames);
    const box = page.getByRole('checkbox', { name: 'Show names' });
    await expect.element(box).not.toBeChecked();
    await expect.element(box).not.toBePartiallyChecked();
  });

  it('reports each tick and untick, from the box or its label', async () => {
    const element = await mount<IpkCheckbox>(CHECKBOX_TAG, showNames);
    const changes = recordEvents<CheckboxChangeDetail>(element, 'ipk-change');
    await userEvent.click(page.getByRole('checkbox', { name: 'Show names' }));
    await userEvent.click(page.getByText('Show names'));
    expect(changes).toEqual([{ checked: true }, { checked: false }]);
    expect(element.checked).toBe(false);
  });

  it('shows a state set by code', async () => {
    const element = await mount<IpkCheckbox>(CHECKBOX_TAG, showNames);
    element.checked = true;
    await expect.element(page.getByRole('checkbox', { name: 'Show names' })).toBeChecked();
  });

  it('toggles with Space once focused, and is a 44 px touch target', async () => {
    const element = await mount<IpkCheckbox>(CHECKBOX_TAG, showNames);
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(' ');
    expect(element.checked).toBe(true);
    expect(element.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  });

  it('passes axe-core', async () => {
    await mount<IpkCheckbox>(CHECKBOX_TAG, showNames);
    expect(await axeViolations()).toEqual([]);
  });
});

describe('ipk-checkbox in a page that asks for dark controls', () => {
  it('is still drawn for its light surface', async () => {
    document.documentElement.style.colorScheme = 'dark';
    const element = await mount<IpkCheckbox>(CHECKBOX_TAG, showNames);
    const box = element.renderRoot.querySelector('input') as HTMLInputElement;
    expect(getComputedStyle(box).colorScheme).toBe('light');
    document.documentElement.style.colorScheme = '';
  });
});
