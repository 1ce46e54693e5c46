import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LAYOUT_PICKER_TAG } from './layout-picker.js';
import type { IpkLayoutPicker, LayoutSelectDetail } from './layout-picker.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { mount, recordEvents } from '../test-support/mount.js';

afterEach(() => document.body.replaceChildren());

describe('ipk-layout-picker', () => {
  it('offers every Pexip layout as a button with a picture, and marks the current one', async () => {
    await mount<IpkLayoutPicker>(LAYOUT_PICKER_TAG, (picker) => (picker.current = '4:0'));
    const options = page.getByRole('list', { name: 'Layouts' }).getByRole('button').elements();
    expect(options.map((option) => option.dataset.layout)).toEqual([
      '1:0',
      '1:7',
      '1:21',
      '2:21',
      '1:33',
      '5:7',
      '4:0',
      '9:0',
      '16:0',
      '25:0',
      'ac',
      'teams',
    ]);
    for (const option of options) expect(option.querySelector('svg rect')).not.toBeNull();
    await expect
      .element(page.getByRole('button', { name: '2 × 2' }))
      .toHaveAttribute('aria-pressed', 'true');
    await expect
      .element(page.getByRole('button', { name: 'Speaker' }))
      .toHaveAttribute('aria-pressed', 'false');
  });

  it('fires ipk-layout-select with the chosen layout and marks it current', async () => {
    const picker = await mount<IpkLayoutPicker>(LAYOUT_PICKER_TAG, (element) => {
      element.layouts = ['1:0', '9:0', 'ac'];
      element.current = '1:0';
    });
    const chosen = recordEvents<LayoutSelectDetail>(document.body, 'ipk-layout-select');
    await userEvent.click(page.getByRole('button', { name: '3 × 3' }));
    expect(chosen).toEqual([{ layout: '9:0' }]);
    expect(picker.current).toBe('9:0');
    await expect
      .element(page.getByRole('button', { name: '3 × 3' }))
      .toHaveAttribute('aria-pressed', 'true');
  });

  it('keeps the current layout when a listener cancels the choice (e.g. the node refused it)', async () => {
    const picker = await mount<IpkLayoutPicker>(LAYOUT_PICKER_TAG, (element) => {
      element.layouts = ['1:0', '9:0'];
      element.current = '1:0';
    });
    picker.addEventListener('ipk-layout-select', (event) => event.preventDefault());
    await userEvent.click(page.getByRole('button', { name: '3 × 3' }));
    expect(picker.current).toBe('1:0');
  });

  it('can be used from the keyboard', async () => {
    const picker = await mount<IpkLayoutPicker>(LAYOUT_PICKER_TAG, (element) => {
      element.layouts = ['1:0', '9:0'];
    });
    const chosen = recordEvents<LayoutSelectDetail>(picker, 'ipk-layout-select');
    page.getByRole('button', { name: 'Speaker' }).element().focus();
    await userEvent.keyboard('{Tab}{Enter}');
    expect(chosen).toEqual([{ layout: '9:0' }]);
  });

  it('passes axe-core', async () => {
    await mount<IpkLayoutPicker>(LAYOUT_PICKER_TAG, (picker) => (picker.current = '1:7'));
    expect(await axeViolations()).toEqual([]);
  });
});
