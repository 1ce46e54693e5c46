// The built plugin (the IIFE webapp2 would load) in @ipk/host-runtime's harness, fed chat messages
// on PEX.actions$ and configured through its conference-menu dialog.
import { ACTIONS } from '@ipk/plugin-api';
import {
  createPluginHarness,
  successAnswerer,
  type PluginHarness,
  type PluginHarnessOptions,
} from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import { seriousAxeViolations } from '@ipk/host-runtime/testing/axe';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatRule } from './chat-rule';
import { TOAST_CONTAINER_ID, TOAST_DURATION_MS } from './chat-toast';
import { ELEMENT_IDS } from './rules-dialog';
import { RULES_KEY } from './rule-store';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'chat-watcher.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  vi.useRealTimers();
  await harness?.dispose();
  harness = undefined;
  localStorage.clear();
  document.body.innerHTML = '';
});

async function loadWithRules(
  rules: ChatRule[] | string = [],
  answerRequest?: PluginHarnessOptions['answerRequest'],
): Promise<PluginHarness> {
  localStorage.setItem(RULES_KEY, typeof rules === 'string' ? rules : JSON.stringify(rules));
  harness = await createPluginHarness({
    packageFile,
    sourceText,
    ...(answerRequest ? { answerRequest } : {}),
  });
  return harness;
}

function chat(
  text: string,
  from = { origin: 'Mallory', uuid: 'mallory-uuid' },
  type = 'text/plain',
) {
  harness?.emitAction({
    type: ACTIONS.RECEIVE_CHAT_MESSAGE,
    payload: { ...from, type, payload: text },
  });
}

function toastTexts(): string[] {
  const container = document.getElementById(TOAST_CONTAINER_ID);
  return [...(container?.querySelectorAll('[role="status"]') ?? [])].map(
    (toast) => toast.textContent ?? '',
  );
}

function calls(host: PluginHarness, name: string): unknown[][] {
  return host.requests
    .filter((request) => request.call === name)
    .map((request) => [...request.args]);
}

describe('chat-watcher reacting to chat', () => {
  it('raises a toast with the sender and the message when a text rule matches', async () => {
    await loadWithRules([{ pattern: 'urgent', action: 'toast' }]);
    chat('This is URGENT');
    expect(toastTexts()).toEqual(['MalloryThis is URGENT×']);
  });

  it('shows message text as text: markup in a message never becomes elements', async () => {
    await loadWithRules([
      { pattern: 'img', action: 'toast' },
      { pattern: 'img', action: 'alert' },
    ]);
    chat('<img id="injected" src=x onerror="window.hacked=1">');
    await expect.poll(() => harness?.dialog()).not.toBeNull();
    expect(document.getElementById('injected')).toBeNull();
    expect(harness?.dialog()?.textContent).toContain(
      '<img id="injected" src=x onerror="window.hacked=1">',
    );
    expect(toastTexts()[0]).toContain('<img id="injected"');
  });

  it('removes a toast after a while, or when dismissed', async () => {
    vi.useFakeTimers();
    await loadWithRules([{ pattern: 'a', action: 'toast' }]);
    chat('a first');
    chat('a second');
    document
      .querySelector<HTMLButtonElement>(`#${TOAST_CONTAINER_ID} button[aria-label="Dismiss"]`)
      ?.click();
    expect(toastTexts()).toEqual(['Mallorya second×']);
    vi.advanceTimersByTime(TOAST_DURATION_MS);
    expect(toastTexts()).toEqual([]);
  });

  it('opens an alert dialog naming the rule that matched', async () => {
    await loadWithRules([{ pattern: '/fire|flood/i', action: 'alert' }]);
    chat('FIRE in the building');
    await expect
      .poll(() => harness?.dialog()?.textContent ?? '')
      .toContain('Mallory: FIRE in the building');
    expect(harness?.dialog()?.textContent).toContain('Matched /fire|flood/i');
  });

  it('locks the conference', async () => {
    const host = await loadWithRules([{ pattern: 'lock it', action: 'lock' }]);
    chat('please lock it');
    expect(calls(host, 'sendRequest')).toEqual([['/lock']]);
  });

  it('says so in a toast when the node refuses to lock, naming the reason', async () => {
    const succeed = successAnswerer();
    await loadWithRules([{ pattern: 'lock it', action: 'lock' }], (request) =>
      request.path === 'lock'
        ? { status: 403, body: { status: 'failed', result: 'Forbidden' } }
        : succeed(request),
    );
    chat('please lock it');
    await expect
      .poll(toastTexts)
      .toEqual(['Chat watcherCould not lock the conference: Forbidden×']);
  });

  it('mutes all guests', async () => {
    const host = await loadWithRules([{ pattern: 'too loud', action: 'mute-guests' }]);
    chat('it is too loud');
    expect(calls(host, 'sendRequest')).toEqual([['/muteguests']]);
  });

  it('spotlights the sender', async () => {
    const host = await loadWithRules([{ pattern: 'question', action: 'spotlight' }]);
    chat('I have a question', { origin: 'Bob', uuid: 'bob-uuid' });
    expect(calls(host, 'spotlightOnParticipant')).toEqual([['bob-uuid']]);
  });

  it('runs each action once per message, however many rules ask for it', async () => {
    const host = await loadWithRules([
      { pattern: 'lock', action: 'lock' },
      { pattern: '/now/', action: 'lock' },
    ]);
    chat('lock now');
    expect(calls(host, 'sendRequest')).toEqual([['/lock']]);
  });

  it('does nothing for messages no rule matches, or that are not chat text', async () => {
    const host = await loadWithRules([{ pattern: 'urgent', action: 'lock' }]);
    chat('all calm');
    chat('{"urgent": true}', undefined, 'application/json');
    harness?.emitAction({ type: ACTIONS.RECEIVE_CHAT_MESSAGE, payload: 'urgent' });
    expect(calls(host, 'sendRequest')).toEqual([]);
  });

  it('stops watching, clears its toasts and closes its alerts when unloaded', async () => {
    const host = await loadWithRules([
      { pattern: 'x', action: 'toast' },
      { pattern: 'x', action: 'alert' },
    ]);
    chat('x');
    await expect.poll(() => host.dialog()).not.toBeNull();
    await host.unload();
    expect(document.getElementById(TOAST_CONTAINER_ID)).toBeNull();
    await expect.poll(() => host.dialog()).toBeNull();
    chat('x again');
    expect(toastTexts()).toEqual([]);
  });
});

describe('chat-watcher settings', () => {
  async function openSettings(host: PluginHarness): Promise<HTMLElement> {
    await host.invoke('openChatWatcherSettings');
    await expect
      .poll(() => document.querySelectorAll(`#${ELEMENT_IDS.rules} li`).length)
      .toBeGreaterThan(0);
    const dialog = host.dialog();
    if (!dialog) throw new Error('no dialog');
    return dialog;
  }

  function rows(): { pattern: string; action: string }[] {
    return [...document.querySelectorAll(`#${ELEMENT_IDS.rules} li`)].map((row) => ({
      pattern: row.querySelector('input')?.value ?? '',
      action: row.querySelector('select')?.value ?? '',
    }));
  }

  function lastRow(): HTMLLIElement {
    const all = document.querySelectorAll<HTMLLIElement>(`#${ELEMENT_IDS.rules} li`);
    const row = all[all.length - 1];
    if (!row) throw new Error('no rule rows');
    return row;
  }

  function save(): void {
    document.querySelector<HTMLFormElement>(`#${ELEMENT_IDS.form}`)?.requestSubmit();
  }

  it('is a conference menu item', async () => {
    const host = await loadWithRules();
    expect(host.menuItems()).toMatchObject([
      { placement: 'conference', label: 'Chat watcher rules' },
    ]);
  });

  it('lists the saved rules, as values (never as HTML)', async () => {
    const host = await loadWithRules([{ pattern: '"><b id="injected">', action: 'spotlight' }]);
    await openSettings(host);
    expect(rows()).toEqual([{ pattern: '"><b id="injected">', action: 'spotlight' }]);
    expect(document.getElementById('injected')).toBeNull();
  });

  it('adds a rule, saves it in this browser and applies it at once', async () => {
    const host = await loadWithRules([{ pattern: 'urgent', action: 'toast' }]);
    await openSettings(host);
    document.getElementById(ELEMENT_IDS.add)?.click();
    const row = lastRow();
    (row.querySelector('input') as HTMLInputElement).value = '/^lock$/i';
    (row.querySelector('select') as HTMLSelectElement).value = 'lock';
    save();

    await expect.poll(() => host.dialog()).toBeNull();
    expect(JSON.parse(localStorage.getItem(RULES_KEY) ?? '')).toEqual([
      { pattern: 'urgent', action: 'toast' },
      { pattern: '/^lock$/i', action: 'lock' },
    ]);
    chat('LOCK');
    expect(calls(host, 'sendRequest')).toEqual([['/lock']]);
  });

  it('has no serious or critical axe violation in its rules dialog', async () => {
    const host = await loadWithRules([{ pattern: 'urgent', action: 'toast' }]);
    await openSettings(host);
    expect(await seriousAxeViolations(host.dialog() as Element)).toEqual([]);
  });

  it('removes a rule', async () => {
    const host = await loadWithRules([
      { pattern: 'a', action: 'toast' },
      { pattern: 'b', action: 'lock' },
    ]);
    await openSettings(host);
    lastRow().querySelector<HTMLButtonElement>('button[aria-label="Remove rule"]')?.click();
    save();
    expect(JSON.parse(localStorage.getItem(RULES_KEY) ?? '')).toEqual([
      { pattern: 'a', action: 'toast' },
    ]);
  });

  it('refuses an invalid regular expression, says why and keeps the dialog open', async () => {
    const host = await loadWithRules([{ pattern: 'ok', action: 'toast' }]);
    await openSettings(host);
    (lastRow().querySelector('input') as HTMLInputElement).value = '/(broken/';
    save();
    const problems = document.getElementById(ELEMENT_IDS.problems);
    expect(problems?.hidden).toBe(false);
    expect(problems?.textContent).toMatch(/Rule 1: \/\(broken\/ is not a valid regular expression/);
    expect(host.dialog()).not.toBeNull();
    expect(JSON.parse(localStorage.getItem(RULES_KEY) ?? '')).toEqual([
      { pattern: 'ok', action: 'toast' },
    ]);
  });

  it('loads despite corrupted saved rules and shows what was wrong', async () => {
    const host = await loadWithRules('not json');
    expect(host.record().status.kind).toBe('loaded');
    await openSettings(host);
    expect(document.getElementById(ELEMENT_IDS.problems)?.textContent).toContain('not valid JSON');
  });
});
