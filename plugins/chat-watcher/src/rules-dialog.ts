import type { DialogRef } from '@ipk/plugin-api';
import type { PexSubset } from '@ipk/plugin-api/unloader';
import { RULE_ACTIONS, parseRules, type ChatRule, type RuleAction } from './chat-rule';

export const RULES_DIALOG_TITLE = 'Chat watcher rules';

export const ELEMENT_IDS = {
  form: 'ipk-chat-watcher-form',
  rules: 'ipk-chat-watcher-rules',
  add: 'ipk-chat-watcher-add',
  problems: 'ipk-chat-watcher-problems',
  save: 'ipk-chat-watcher-save',
} as const;

// Rows are built with DOM calls after the dialog opens: saved patterns are set as `value`, never
// interpolated into this HTML.
const BODY = `
<form id="${ELEMENT_IDS.form}" novalidate style="display:flex;flex-direction:column;gap:10px">
  <p class="pex-dialog-content-message" style="margin:0">When a chat message matches the text (any case) or
    the /regular expression/, do the action. Rules are kept in this browser.</p>
  <ul id="${ELEMENT_IDS.rules}" style="list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:12px"></ul>
  <button id="${ELEMENT_IDS.add}" type="button" class="dialog-button blue-action-button" style="align-self:flex-start">Add rule</button>
  <div id="${ELEMENT_IDS.problems}" role="alert" hidden style="color:#c4161c"></div>
  <button id="${ELEMENT_IDS.save}" type="submit" class="dialog-button green-action-button">Save rules</button>
</form>`;

export interface RulesDialogOptions {
  readonly rules: readonly ChatRule[];
  /** Problems found when the saved rules were read; shown at the top until the host saves. */
  readonly problems: readonly string[];
  /** Called with the validated rules; the dialog closes after it returns. */
  readonly onSave: (rules: ChatRule[]) => void;
}

/** Opens the settings dialog; resolves with its ref once it is wired. */
export async function openRulesDialog(
  pex: PexSubset<'openTemplateDialog'>,
  options: RulesDialogOptions,
): Promise<DialogRef> {
  const dialog = await pex.pluginAPI.openTemplateDialog({ title: RULES_DIALOG_TITLE, body: BODY });
  const form = document.getElementById(ELEMENT_IDS.form);
  const list = document.getElementById(ELEMENT_IDS.rules);
  const problems = document.getElementById(ELEMENT_IDS.problems);
  if (!(form instanceof HTMLFormElement) || !list || !problems) return dialog;

  for (const rule of options.rules) list.append(ruleRow(rule));
  if (options.rules.length === 0) list.append(ruleRow({ pattern: '', action: 'toast' }));
  showProblems(problems, options.problems);

  document.getElementById(ELEMENT_IDS.add)?.addEventListener('click', () => {
    const row = ruleRow({ pattern: '', action: 'toast' });
    list.append(row);
    row.querySelector('input')?.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseRules(readRows(list));
    if (parsed.problems.length > 0) {
      showProblems(problems, parsed.problems);
      return;
    }
    try {
      options.onSave(parsed.rules);
    } catch (error) {
      showProblems(problems, [`The rules could not be saved: ${(error as Error).message}`]);
      return;
    }
    dialog.close();
  });
  return dialog;
}

/**
 * One rule on two lines: the pattern across the whole width (it must stay readable on a 320 px
 * phone), then the action and Remove. The select wears webapp2's `pex-text-input` class, so it
 * looks like the text field (in the kit's host: `@ipk/dialogs`' one field style).
 */
function ruleRow(rule: ChatRule): HTMLLIElement {
  const row = document.createElement('li');
  row.style.cssText =
    'display:grid;grid-template-columns:minmax(0,1fr) auto;gap:6px;align-items:center';
  const pattern = document.createElement('input');
  pattern.type = 'text';
  pattern.className = 'pex-text-input';
  pattern.style.gridColumn = '1 / -1';
  pattern.placeholder = 'text or /regex/i';
  pattern.setAttribute('aria-label', 'When a message matches');
  pattern.value = rule.pattern;
  const action = document.createElement('select');
  action.className = 'pex-text-input';
  action.setAttribute('aria-label', 'Then');
  for (const choice of RULE_ACTIONS) {
    const option = document.createElement('option');
    option.value = choice.value;
    option.textContent = choice.label;
    action.append(option);
  }
  action.value = rule.action;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'dialog-button red-action-button';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', 'Remove rule');
  remove.addEventListener('click', () => row.remove());
  row.append(pattern, action, remove);
  return row;
}

/** The rows as plain values; rows left completely empty are dropped rather than reported. */
function readRows(list: HTMLElement): { pattern: string; action: RuleAction }[] {
  return [...list.querySelectorAll('li')]
    .map((row) => ({
      pattern: row.querySelector('input')?.value ?? '',
      action: (row.querySelector('select')?.value ?? '') as RuleAction,
    }))
    .filter((rule) => rule.pattern !== '');
}

function showProblems(element: HTMLElement, problems: readonly string[]): void {
  element.replaceChildren(
    ...problems.map((problem) => {
      const line = document.createElement('p');
      line.style.margin = '0';
      line.textContent = problem;
      return line;
    }),
  );
  element.hidden = problems.length === 0;
}
