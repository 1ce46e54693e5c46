/** What a rule does when a chat message matches it. */
export type RuleAction = 'alert' | 'toast' | 'lock' | 'mute-guests' | 'spotlight';

export const RULE_ACTIONS: readonly { readonly value: RuleAction; readonly label: string }[] = [
  { value: 'alert', label: 'Show an alert' },
  { value: 'toast', label: 'Raise a toast' },
  { value: 'lock', label: 'Lock the conference' },
  { value: 'mute-guests', label: 'Mute all guests' },
  { value: 'spotlight', label: 'Spotlight the sender' },
];

/** "When a message matches `pattern`, do `action`." */
export interface ChatRule {
  /** Plain text (matched case-insensitively anywhere in the message) or `/regex/flags`. */
  readonly pattern: string;
  readonly action: RuleAction;
}

/** A pattern turned into a test, or the reason it cannot be. */
export type CompiledPattern =
  | { readonly ok: true; readonly test: (text: string) => boolean }
  | { readonly ok: false; readonly reason: string };

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/**
 * `/…/flags` is a regular expression; anything else is text found anywhere in the message, ignoring
 * case (what a host typing "urgent" expects). An empty pattern is refused: it would match all chat.
 */
export function compilePattern(pattern: string): CompiledPattern {
  if (pattern.trim() === '')
    return { ok: false, reason: 'Enter some text or a /regex/ to look for.' };
  const literal = REGEX_LITERAL.exec(pattern);
  if (!literal?.[1]) {
    const needle = pattern.toLocaleLowerCase();
    return { ok: true, test: (text) => text.toLocaleLowerCase().includes(needle) };
  }
  try {
    // Without the g/y flags `test` keeps no state between messages.
    const expression = new RegExp(literal[1], (literal[2] ?? '').replace(/[gy]/g, ''));
    return { ok: true, test: (text) => expression.test(text) };
  } catch (error) {
    return {
      ok: false,
      reason: `${pattern} is not a valid regular expression (${(error as Error).message}).`,
    };
  }
}

/** Rules read from somewhere untrusted (storage, a form): the valid ones and why the others are not. */
export interface ParsedRules {
  readonly rules: ChatRule[];
  readonly problems: string[];
}

/** Validates a value that should be `ChatRule[]`, keeping every valid rule and naming each bad one. */
export function parseRules(value: unknown): ParsedRules {
  if (!Array.isArray(value)) return { rules: [], problems: ['The saved rules are not a list.'] };
  const rules: ChatRule[] = [];
  const problems: string[] = [];
  value.forEach((entry: unknown, index) => {
    const problem = ruleProblem(entry);
    if (problem) problems.push(`Rule ${index + 1}: ${problem}`);
    else rules.push({ pattern: (entry as ChatRule).pattern, action: (entry as ChatRule).action });
  });
  return { rules, problems };
}

function ruleProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return 'not a rule.';
  const { pattern, action } = entry as Record<string, unknown>;
  if (typeof pattern !== 'string') return 'has no pattern.';
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return compiled.reason;
  if (!RULE_ACTIONS.some((known) => known.value === action)) {
    return `unknown action ${JSON.stringify(action)} (one of ${RULE_ACTIONS.map((a) => a.value).join(', ')}).`;
  }
  return undefined;
}
