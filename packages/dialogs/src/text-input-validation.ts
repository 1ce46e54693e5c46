/** Rules a text input checks; each message is what the user reads under the field. */
export interface TextInputRules {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** A whole-value regular expression (anchored like the HTML `pattern` attribute). */
  pattern?: string;
  /** Shown when `pattern` does not match, e.g. "Use digits only". */
  patternMessage?: string;
  /** Any other check: return the message to show, or `undefined`/`''` when the value is fine. */
  validate?: (value: string) => string | undefined;
}

/**
 * The first message that applies to `value`, or `''` when it is valid. Empty optional values
 * skip the other rules, as the browser's own constraint validation does.
 */
export function textInputValidationMessage(value: string, rules: TextInputRules): string {
  if (value === '') return rules.required ? 'This field is required.' : '';
  if (rules.minLength !== undefined && value.length < rules.minLength) {
    return `Use at least ${rules.minLength} characters.`;
  }
  if (rules.maxLength !== undefined && value.length > rules.maxLength) {
    return `Use at most ${rules.maxLength} characters.`;
  }
  if (rules.pattern !== undefined && !anchored(rules.pattern).test(value)) {
    return rules.patternMessage ?? 'Use the requested format.';
  }
  return rules.validate?.(value) || '';
}

function anchored(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'v');
  } catch (error) {
    throw new Error(
      `Text input pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
