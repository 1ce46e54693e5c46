import { describe, expect, it } from 'vitest';
import { textInputValidationMessage } from './text-input-validation.js';

describe('textInputValidationMessage', () => {
  it('accepts an empty optional value whatever the other rules say', () => {
    expect(textInputValidationMessage('', { minLength: 3, pattern: '[0-9]+' })).toBe('');
  });

  it('asks for a required value', () => {
    expect(textInputValidationMessage('', { required: true })).toBe('This field is required.');
  });

  it('checks length bounds with the limit in the message', () => {
    expect(textInputValidationMessage('ab', { minLength: 3 })).toBe('Use at least 3 characters.');
    expect(textInputValidationMessage('abcd', { maxLength: 3 })).toBe('Use at most 3 characters.');
    expect(textInputValidationMessage('abc', { minLength: 3, maxLength: 3 })).toBe('');
  });

  it('matches the pattern against the whole value, like the HTML pattern attribute', () => {
    const rules = { pattern: '[0-9]+', patternMessage: 'Use digits only.' };
    expect(textInputValidationMessage('123', rules)).toBe('');
    expect(textInputValidationMessage('12a3', rules)).toBe('Use digits only.');
    expect(textInputValidationMessage('a123', { pattern: '[0-9]+' })).toBe(
      'Use the requested format.',
    );
  });

  it('runs the custom check last', () => {
    const validate = (value: string) => (value.includes('@') ? undefined : 'Enter an alias.');
    expect(textInputValidationMessage('room', { validate })).toBe('Enter an alias.');
    expect(textInputValidationMessage('room@example.com', { validate })).toBe('');
  });

  it('explains a broken pattern instead of throwing a bare SyntaxError', () => {
    expect(() => textInputValidationMessage('x', { pattern: '(' })).toThrow(
      /Text input pattern "\(" is not a valid regular expression/,
    );
  });
});
