import { describe, expect, it } from 'vitest';
import { compilePattern, parseRules } from './chat-rule';

function matches(pattern: string, text: string): boolean {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.test(text);
}

describe('compilePattern', () => {
  it('finds plain text anywhere in the message, ignoring case', () => {
    expect(matches('urgent', 'This is URGENT, please')).toBe(true);
    expect(matches('urgent', 'nothing to see')).toBe(false);
  });

  it('reads /…/flags as a regular expression', () => {
    expect(matches('/^help\\b/i', 'Help me')).toBe(true);
    expect(matches('/^help\\b/', 'Help me')).toBe(false);
    expect(matches('/\\d{4}/', 'PIN 1234')).toBe(true);
  });

  it('gives the same answer for the same message every time, even with the g flag', () => {
    const compiled = compilePattern('/spam/g');
    if (!compiled.ok) throw new Error(compiled.reason);
    expect([compiled.test('spam'), compiled.test('spam'), compiled.test('spam')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('treats a lone slash or unclosed regex as text', () => {
    expect(matches('/', 'a/b')).toBe(true);
    expect(matches('/abc', 'x /abc y')).toBe(true);
  });

  it('explains an invalid regular expression', () => {
    expect(compilePattern('/(unclosed/')).toEqual({
      ok: false,
      reason: expect.stringMatching(/^\/\(unclosed\/ is not a valid regular expression \(.+\)\.$/),
    });
  });

  it('refuses an empty pattern, which would match every message', () => {
    expect(compilePattern('  ')).toEqual({
      ok: false,
      reason: 'Enter some text or a /regex/ to look for.',
    });
  });
});

describe('parseRules', () => {
  it('keeps every valid rule', () => {
    const rules = [
      { pattern: 'urgent', action: 'alert' },
      { pattern: '/lock now/i', action: 'lock' },
    ];
    expect(parseRules(rules)).toEqual({ rules, problems: [] });
  });

  it('drops extra keys', () => {
    expect(parseRules([{ pattern: 'x', action: 'toast', colour: 'red' }]).rules).toEqual([
      { pattern: 'x', action: 'toast' },
    ]);
  });

  it('keeps the valid rules and names each invalid one by its position', () => {
    const parsed = parseRules([
      { pattern: 'ok', action: 'toast' },
      'not a rule',
      { action: 'alert' },
      { pattern: '/(/', action: 'alert' },
      { pattern: 'x', action: 'explode' },
    ]);
    expect(parsed.rules).toEqual([{ pattern: 'ok', action: 'toast' }]);
    expect(parsed.problems).toEqual([
      'Rule 2: not a rule.',
      'Rule 3: has no pattern.',
      expect.stringMatching(/^Rule 4: \/\(\/ is not a valid regular expression/),
      'Rule 5: unknown action "explode" (one of alert, toast, lock, mute-guests, spotlight).',
    ]);
  });

  it('reports a value that is not a list', () => {
    expect(parseRules({ pattern: 'x' })).toEqual({
      rules: [],
      problems: ['The saved rules are not a list.'],
    });
  });
});
