import { beforeEach, describe, expect, it } from 'vitest';
import { RULES_KEY, UNREADABLE_RULES_KEY, browserRuleStore } from './rule-store';

beforeEach(() => localStorage.clear());

describe('browserRuleStore', () => {
  it('starts with no rules', () => {
    expect(browserRuleStore().load()).toEqual({ rules: [], problems: [] });
  });

  it('keeps rules per browser', () => {
    browserRuleStore().save([{ pattern: 'urgent', action: 'alert' }]);
    expect(browserRuleStore().load()).toEqual({
      rules: [{ pattern: 'urgent', action: 'alert' }],
      problems: [],
    });
  });

  it('validates what it reads: bad entries are reported, good ones kept', () => {
    localStorage.setItem(
      RULES_KEY,
      JSON.stringify([
        { pattern: 'a', action: 'toast' },
        { pattern: 'b', action: 'nuke' },
      ]),
    );
    const loaded = browserRuleStore().load();
    expect(loaded.rules).toEqual([{ pattern: 'a', action: 'toast' }]);
    expect(loaded.problems).toEqual([expect.stringContaining('Rule 2: unknown action "nuke"')]);
  });

  it('reports saved rules that are not JSON, and keeps a copy of them when new rules are saved', () => {
    localStorage.setItem(RULES_KEY, '[{"pattern": "a",');
    const store = browserRuleStore();
    expect(store.load()).toEqual({
      rules: [],
      problems: ['The saved rules are not valid JSON; saving will keep a copy of them.'],
    });
    store.save([{ pattern: 'b', action: 'lock' }]);
    expect(localStorage.getItem(UNREADABLE_RULES_KEY)).toBe('[{"pattern": "a",');
    expect(store.load().rules).toEqual([{ pattern: 'b', action: 'lock' }]);
  });

  it('does not make a copy when the saved rules were fine', () => {
    const store = browserRuleStore();
    store.save([{ pattern: 'a', action: 'toast' }]);
    store.save([{ pattern: 'b', action: 'toast' }]);
    expect(localStorage.getItem(UNREADABLE_RULES_KEY)).toBeNull();
  });

  it('says so when storage is blocked', () => {
    const store = browserRuleStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.load()).toEqual({
      rules: [],
      problems: ['This browser does not allow saving rules (storage is blocked).'],
    });
  });
});
