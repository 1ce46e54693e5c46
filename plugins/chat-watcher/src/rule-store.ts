import { parseRules, type ChatRule, type ParsedRules } from './chat-rule';

export const RULES_KEY = 'ipk-chat-watcher.rules';
/** Where unreadable saved rules are moved before new ones are saved, so nothing is lost. */
export const UNREADABLE_RULES_KEY = 'ipk-chat-watcher.rules.unreadable';

export interface RuleStore {
  /** The saved rules, and why some could not be used (shown in the settings dialog). */
  load(): ParsedRules;
  save(rules: readonly ChatRule[]): void;
}

/**
 * Rules live per browser in `localStorage` and are validated on every read: storage is shared
 * with everything else on the origin, so its content is untrusted. A value that cannot be read
 * entirely is kept (copied under {@link UNREADABLE_RULES_KEY}) before it is overwritten.
 */
export function browserRuleStore(storage: () => Storage = () => window.localStorage): RuleStore {
  const none = (...problems: string[]): ParsedRules => ({ rules: [], problems });
  return {
    load() {
      let text: string | null;
      try {
        text = storage().getItem(RULES_KEY);
      } catch {
        return none('This browser does not allow saving rules (storage is blocked).');
      }
      if (text === null) return none();
      try {
        return parseRules(JSON.parse(text) as unknown);
      } catch {
        return none('The saved rules are not valid JSON; saving will keep a copy of them.');
      }
    },
    save(rules) {
      const store = storage();
      const previous = store.getItem(RULES_KEY);
      if (previous !== null && this.load().problems.length > 0) {
        store.setItem(UNREADABLE_RULES_KEY, previous);
      }
      store.setItem(RULES_KEY, JSON.stringify(rules));
    },
  };
}
