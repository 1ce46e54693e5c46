import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { DTMF_KEYPAD_TAG } from './dtmf-keypad.js';
import type { DigitDetail, IpkDtmfKeypad } from './dtmf-keypad.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { mount, recordEvents } from '../test-support/mount.js';

afterEach(() => document.body.replaceChildren());

describe('ipk-dtmf-keypad', () => {
  it('has twelve keys in phone order, each named by its digit', async () => {
    await mount<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
    const group = page.getByRole('group', { name: 'Keypad' });
    for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
      await expect.element(group.getByRole('button', { name: digit, exact: true })).toBeVisible();
    }
    const keys = group.getByRole('button').elements();
    expect(keys.map((key) => key.dataset.digit).join('')).toBe('123456789*0#');
  });

  it('fires ipk-digit for each key clicked and shows the digits sent', async () => {
    const keypad = await mount<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
    const digits = recordEvents<DigitDetail>(document.body, 'ipk-digit');
    await userEvent.click(page.getByRole('button', { name: '1', exact: true }));
    await userEvent.click(page.getByRole('button', { name: '*', exact: true }));
    await userEvent.click(page.getByRole('button', { name: '#', exact: true }));
    expect(digits.map((detail) => detail.digit).join('')).toBe('1*#');
    await expect
      .element(page.getByRole('status', { name: 'Digits sent' }))
      .toHaveTextContent('1*#');
    expect(keypad.sent).toBe('1*#');
  });

  it('takes digits, * and # typed on the keyboard while it has focus, and ignores other keys', async () => {
    const keypad = await mount<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
    const digits = recordEvents<DigitDetail>(keypad, 'ipk-digit');
    page.getByRole('button', { name: '5' }).element().focus();
    await userEvent.keyboard('90*#ax');
    expect(digits.map((detail) => detail.digit).join('')).toBe('90*#');
  });

  it('presses the focused key with Enter', async () => {
    const keypad = await mount<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
    const digits = recordEvents<DigitDetail>(keypad, 'ipk-digit');
    page.getByRole('button', { name: '7' }).element().focus();
    await userEvent.keyboard('{Enter}');
    expect(digits).toEqual([{ digit: '7' }]);
  });

  it('leaves keys typed elsewhere on the page alone', async () => {
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Chat');
    document.body.append(field);
    const keypad = await mount<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
    const digits = recordEvents<DigitDetail>(keypad, 'ipk-digit');
    await userEvent.type(page.getByRole('textbox', { name: 'Chat' }), '123');
    expect(digits).toEqual([]);
    expect(field.value).toBe('123');
  });

  it('passes axe-core', async () => {
    await mount<IpkDtmfKeypad>(DTMF_KEYPAD_TAG);
    expect(await axeViolations()).toEqual([]);
  });
});
