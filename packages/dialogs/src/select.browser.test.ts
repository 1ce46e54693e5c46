import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SELECT_TAG } from './select.js';
import type { IpkSelect, SelectChangeDetail } from './select.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { mount, recordEvents } from '../test-support/mount.js';

afterEach(() => document.body.replaceChildren());

const roles = [
  { value: 'guest', label: 'Guest' },
  { value: 'chair', label: 'Host' },
  { value: 'none', label: 'Nobody', disabled: true },
];

describe('ipk-select', () => {
  it('is a combobox named by its label, showing the current value', async () => {
    await mount<IpkSelect>(SELECT_TAG, (select) => {
      select.label = 'Role';
      select.options = roles;
      select.value = 'chair';
    });
    await expect.element(page.getByRole('combobox', { name: 'Role' })).toHaveValue('chair');
  });

  it('reports the option the user picks', async () => {
    const element = await mount<IpkSelect>(SELECT_TAG, (select) => {
      select.label = 'Role';
      select.options = roles;
      select.value = 'guest';
    });
    const changes = recordEvents<SelectChangeDetail>(element, 'ipk-change');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role' }), 'Host');
    expect(changes).toEqual([{ value: 'chair' }]);
    expect(element.value).toBe('chair');
  });

  it('follows a value set by code after the user picked one', async () => {
    const element = await mount<IpkSelect>(SELECT_TAG, (select) => {
      select.label = 'Role';
      select.options = roles;
    });
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role' }), 'Host');
    element.value = 'guest';
    await expect.element(page.getByRole('combobox', { name: 'Role' })).toHaveValue('guest');
  });

  it('can be operated with the keyboard', async () => {
    const element = await mount<IpkSelect>(SELECT_TAG, (select) => {
      select.label = 'Role';
      select.options = roles;
      select.value = 'guest';
    });
    element.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(element.value).toBe('chair');
  });

  it('passes axe-core', async () => {
    await mount<IpkSelect>(SELECT_TAG, (select) => {
      select.label = 'Role';
      select.options = roles;
    });
    expect(await axeViolations()).toEqual([]);
  });
});
