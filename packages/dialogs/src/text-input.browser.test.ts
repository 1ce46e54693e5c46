import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { TEXT_INPUT_TAG } from './text-input.js';
import type { IpkTextInput, TextInputValueDetail } from './text-input.js';
import { axeViolations } from '../test-support/axe-violations.js';
import { mount, recordEvents } from '../test-support/mount.js';

afterEach(() => document.body.replaceChildren());

function aliasInput(): Promise<IpkTextInput> {
  return mount<IpkTextInput>(TEXT_INPUT_TAG, (input) => {
    input.label = 'Alias';
    input.required = true;
    input.pattern = '[^@\\s]+@[^@\\s]+';
    input.patternMessage = 'Enter an alias like room@example.com.';
  });
}

describe('ipk-text-input', () => {
  it('is a textbox named by its label that reports each edit', async () => {
    const element = await aliasInput();
    const edits = recordEvents<TextInputValueDetail>(element, 'ipk-input');
    await userEvent.type(page.getByRole('textbox', { name: 'Alias' }), 'ab');
    expect(element.value).toBe('ab');
    expect(edits.map((edit) => edit.value)).toEqual(['a', 'ab']);
  });

  it('shows the validation message when the field is left invalid, and marks the field invalid', async () => {
    await aliasInput();
    const textbox = page.getByRole('textbox', { name: 'Alias' });
    await userEvent.type(textbox, 'room');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Enter an alias like room@example.com.');
    await expect.element(textbox).toHaveAttribute('aria-invalid', 'true');
    await expect
      .element(textbox)
      .toHaveAccessibleDescription('Enter an alias like room@example.com.');
  });

  it('clears the message as soon as the value is fixed', async () => {
    const element = await aliasInput();
    const textbox = page.getByRole('textbox', { name: 'Alias' });
    expect(element.checkValidity()).toBe(false);
    await expect.element(page.getByRole('alert')).toHaveTextContent('This field is required.');
    await userEvent.type(textbox, 'room@example.com');
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    await expect.element(textbox).toHaveAttribute('aria-invalid', 'false');
  });

  it('reports the committed value and its validity on Enter', async () => {
    const element = await aliasInput();
    const changes = recordEvents<TextInputValueDetail>(element, 'ipk-change');
    await userEvent.type(page.getByRole('textbox', { name: 'Alias' }), 'a@b{Enter}');
    expect(changes).toEqual([{ value: 'a@b', valid: true }]);
  });

  it('runs a custom check and shows an error set from outside', async () => {
    const element = await mount<IpkTextInput>(TEXT_INPUT_TAG, (input) => {
      input.label = 'PIN';
      input.validate = (value) => (/^\d{4}$/.test(value) ? undefined : 'Use 4 digits.');
    });
    element.value = '12';
    expect(element.checkValidity()).toBe(false);
    await expect.element(page.getByRole('alert')).toHaveTextContent('Use 4 digits.');
    element.error = 'The node refused this PIN.';
    await expect.element(page.getByRole('alert')).toHaveTextContent('The node refused this PIN.');
  });

  it('passes axe-core while showing an error', async () => {
    const element = await aliasInput();
    element.checkValidity();
    await element.updateComplete;
    expect(await axeViolations()).toEqual([]);
  });
});
