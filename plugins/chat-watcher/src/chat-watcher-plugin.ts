import type { RegisterPluginOptions } from '@ipk/plugin-api';
import { sendNodeRequest } from '@ipk/plugin-api';
import {
  createUnloader,
  registerDialog,
  registerSubscription,
  type PexSubset,
} from '@ipk/plugin-api/unloader';
import { compilePattern, type ChatRule, type RuleAction } from './chat-rule';
import { removeChatToasts, showChatToast } from './chat-toast';
import { escapeHtml } from './escape-html';
import { openRulesDialog } from './rules-dialog';
import { browserRuleStore } from './rule-store';

/** Must equal the package file's `id` (the build checks it). */
export const CHAT_WATCHER_PLUGIN_ID = 'chat-watcher-plugin-1.0';

/** A received chat message, validated: the fields the rules and actions use. */
export interface ReceivedChat {
  readonly sender: string;
  readonly senderUuid: string | undefined;
  readonly text: string;
}

/**
 * Reads `RECEIVE_CHAT_MESSAGE`'s payload, the PexRTC chat message `{origin, uuid, type, payload}`
 * (the seed's example reads `action.payload.payload`). Anything else (application/json messages,
 * a malformed action) is not chat and is ignored.
 */
export function receivedChatFrom(action: unknown): ReceivedChat | undefined {
  const payload = (action as { payload?: unknown } | null)?.payload;
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { origin, uuid, type, payload: text } = payload as Record<string, unknown>;
  if (typeof text !== 'string') return undefined;
  if (type !== undefined && type !== 'text/plain') return undefined;
  return {
    sender: typeof origin === 'string' && origin !== '' ? origin : 'Someone',
    senderUuid: typeof uuid === 'string' && uuid !== '' ? uuid : undefined,
    text,
  };
}

interface LiveRule extends ChatRule {
  readonly test: (text: string) => boolean;
}

function liveRules(rules: readonly ChatRule[]): LiveRule[] {
  return rules.flatMap((rule) => {
    const compiled = compilePattern(rule.pattern);
    return compiled.ok ? [{ ...rule, test: compiled.test }] : [];
  });
}

/** What of `PEX` the plugin uses. */
export type ChatWatcherPex = PexSubset<
  'openTemplateDialog' | 'sendRequest' | 'spotlightOnParticipant',
  'actions$' | 'actions'
>;

export function createChatWatcherPlugin(pex: ChatWatcherPex): RegisterPluginOptions {
  const store = browserRuleStore();
  const registered = createUnloader();
  let rules: LiveRule[] = [];

  /**
   * A conference command through `sendNodeRequest`: the node's refusal (403 for a host who lost
   * the role, a failed request) comes back to the plugin, which says so in a toast, instead of
   * being an unhandled rejection nobody attributes.
   */
  function command(path: string, failure: string): void {
    void sendNodeRequest(pex.pluginAPI, path, undefined).then((outcome) => {
      if (!outcome.ok) showChatToast('Chat watcher', `${failure}: ${outcome.reason}`);
    });
  }

  // Each action runs once per message, however many rules ask for it.
  function perform(action: RuleAction, chat: ReceivedChat, rule: LiveRule): void {
    switch (action) {
      case 'alert':
        void registerDialog(
          registered,
          pex.pluginAPI.openTemplateDialog({
            title: 'Chat alert',
            body:
              `<p class="pex-dialog-content-message"><strong>${escapeHtml(chat.sender)}</strong>: ` +
              `${escapeHtml(chat.text)}</p><p><small>Matched ${escapeHtml(rule.pattern)}</small></p>`,
          }),
        );
        return;
      case 'toast':
        showChatToast(chat.sender, chat.text);
        return;
      case 'lock':
        // Client REST API conference `lock` (seed: `PEX.pluginAPI.sendRequest('/lock')`).
        command('/lock', 'Could not lock the conference');
        return;
      case 'mute-guests':
        // Client REST API conference `muteguests` (the seed's '/mutequest' is a typo).
        command('/muteguests', 'Could not mute the guests');
        return;
      case 'spotlight':
        if (chat.senderUuid) pex.pluginAPI.spotlightOnParticipant(chat.senderUuid);
        return;
    }
  }

  function watch(action: unknown): void {
    const chat = receivedChatFrom(action);
    if (!chat) return;
    const done = new Set<RuleAction>();
    for (const rule of rules) {
      if (done.has(rule.action) || !rule.test(chat.text)) continue;
      done.add(rule.action);
      perform(rule.action, chat, rule);
    }
  }

  return {
    id: CHAT_WATCHER_PLUGIN_ID,
    load() {
      rules = liveRules(store.load().rules);
      registerSubscription(
        registered,
        pex.actions$.ofType(pex.actions.RECEIVE_CHAT_MESSAGE),
        watch,
      );
      registered.register(() => removeChatToasts());
    },
    unload: () => registered.unload(),
    // Conference menu action.
    openChatWatcherSettings() {
      const saved = store.load();
      void registerDialog(
        registered,
        openRulesDialog(pex, {
          rules: saved.rules,
          problems: saved.problems,
          onSave: (next) => {
            store.save(next);
            rules = liveRules(next);
          },
        }),
      );
    },
  };
}
