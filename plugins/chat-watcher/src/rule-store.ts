import { parseRules, type ChatRule } from './chat-rule';

export const RULES_KEY = 'ipk-chat-watcher.rules';
/** Where unreadable saved rules are moved before new ones are saved, so nothing is lost. */
export const UNREADABLE_RULES_KEY = 'ipk-chat-watcher.rules.unreadable';

export interface LoadedRules {
  readonly rules: ChatRule[];
  /** Why some saved rules could not be used (shown in the settings dialog). */
  readonly problems: string[];
}

export interface RuleStore {
  load(): LoadedRules;
  save(rules: readonly ChatRule[]): void;
}

/**
 * Rules live per browser in `localStorage` and are validated on every read: storage is shared
 * with everything else on the origin, so its content is untrusted. A value that cannot be read
 * entirely is kept (copied under {@link UNREADABLE_RULES_KEY}) before it is overwritten.
 */
export function browserRuleStore(storage: () => Storage = () => window.localStorage): RuleStore {
  return {
    load() {
      let text: string | null;
      try {
        text = storage().getItem(RULES_KEY);
      } catch {
        return {
          rules: [],
          problems: ['This browser does not allow saving rules (storage is blocked).'],
        };
      }
      if (text === null) return { rules: [], problems: [] };
      try {
        return parseRules(JSON.parse(text) as unknown);
      } catch {
        return {
          rules: [],
          problems: ['The saved rules are not valid JSON; saving will keep a copy of them.'],
        };
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
