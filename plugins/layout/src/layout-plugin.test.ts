// The built plugin (the IIFE webapp2 would load) in @ipk/host-runtime's harness: package file
// validated, role enforced, driven through its toolbar button; the fake node answers each
// transform_layout when the test says so.
import { createPluginHarness, heldAnswers, type PluginHarness } from '@ipk/host-runtime/testing';
// Defines nothing: the bundle under test registers its own copy of the components.
import { COMPONENTS_VERSION, versionedTagName } from '@ipk/dialogs/define-element';
import { bundlePlugin } from '@ipk/rollup-config';
import { seriousAxeViolations } from '@ipk/host-runtime/testing/axe';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OFFERED_LAYOUTS } from './layout-choice';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'layout.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

/** A component's tag in the bundle: stamped with the @ipk/dialogs release it was built from. */
const tag = (base: string) => versionedTagName(base, COMPONENTS_VERSION);

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  document.body.replaceChildren();
});

interface Picker extends HTMLElement {
  layouts: readonly string[];
  current: string;
  label: string;
}

/** Loads the plugin; each transform_layout waits in `pending` until the test answers it. */
async function load(options: { role?: 'chair' | 'guest'; participants?: object[] } = {}) {
  const { held: pending, answerRequest } = heldAnswers();
  harness = await createPluginHarness({ packageFile, sourceText, ...options, answerRequest });
  const sent = () => pending.map(({ body }) => body);
  return { host: harness, pending, sent };
}

const pickers = () => [...document.querySelectorAll<Picker>(tag('ipk-layout-picker'))];
const line = (role: 'status' | 'alert') =>
  document.querySelector(`.ipk-layout-plugin [role="${role}"]`)?.textContent ?? '';
const dialogTitle = () =>
  document.querySelector<HTMLElement & { heading: string }>(tag('ipk-dialog'))?.heading;

function namesBox(): HTMLElement & { checked: boolean } {
  const box = document.querySelector<HTMLElement & { checked: boolean }>(
    `.ipk-layout-plugin ${tag('ipk-checkbox')}`,
  );
  if (!box) throw new Error('no "Show names" checkbox');
  return box;
}

function toggleNames(): void {
  namesBox().shadowRoot?.querySelector('input')?.click();
}

const resetButton = () =>
  document.querySelector<HTMLElement>(`.ipk-layout-plugin ${tag('ipk-button')}`);

async function pick(picker: Picker | undefined, layout: string): Promise<void> {
  let option: HTMLButtonElement | null | undefined;
  await expect
    .poll(() => (option = picker?.shadowRoot?.querySelector(`[data-layout="${layout}"]`)))
    .toBeTruthy();
  option?.click();
}

describe('layout, in the host runtime', () => {
  it('loads for a host with a "Change layout" toolbar button', async () => {
    const { host } = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([{ placement: 'toolbar', label: 'Change layout' }]);
  });

  it('is not offered to guests', async () => {
    const { host } = await load({ role: 'guest' });
    expect(host.record().status.kind).toBe('skipped');
    expect(host.menuItems()).toEqual([]);
  });
});

describe('the layout plugin in a VMR', () => {
  it('opens one picker with the VMR layouts and says the default is in use', async () => {
    const { host } = await load();
    await host.invoke('chooseLayout');
    expect(dialogTitle()).toBe('Conference layout');
    // (Single or double quotes: the build takes @ipk/dialogs as published, tsc's output.)
    expect(sourceText).toMatch(
      new RegExp(`COMPONENTS_VERSION = ['"]${COMPONENTS_VERSION.replaceAll('.', '\\.')}['"]`),
    );
    expect(pickers()).toHaveLength(1);
    expect(pickers()[0]?.layouts).toEqual(OFFERED_LAYOUTS);
    expect(line('status')).toBe("Current layout: the meeting's default");
  });

  it('has no serious or critical axe violation in its dialog', async () => {
    const { host } = await load();
    await host.invoke('chooseLayout');
    await expect.poll(() => pickers()[0]?.shadowRoot?.querySelector('button')).toBeTruthy();
    expect(
      await seriousAxeViolations(document.querySelector(tag('ipk-dialog')) as Element),
    ).toEqual([]);
  });

  it('asks the node for the chosen layout and marks it current once accepted', async () => {
    const { host, pending, sent } = await load();
    await host.invoke('chooseLayout');
    await pick(pickers()[0], '4:0');
    await expect.poll(sent).toEqual([{ transforms: { layout: '4:0' } }]);
    expect(pickers()[0]?.current).toBe('');
    pending[0]?.succeed();
    await expect.poll(() => pickers()[0]?.current).toBe('4:0');
    expect(line('status')).toBe('Current layout: 2 × 2 (4:0) (set from this browser)');
  });

  it('shows the node’s refusal and keeps the layout it had', async () => {
    const { host, pending } = await load();
    await host.invoke('chooseLayout');
    await pick(pickers()[0], '1:7');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.answer({ status: 200, body: { status: 'failed', result: 'Illegal value' } });
    await expect.poll(() => line('alert')).toBe('The layout was not changed: Illegal value');
    expect(pickers()[0]?.current).toBe('');
    expect(line('status')).toBe("Current layout: the meeting's default");

    await pick(pickers()[0], '1:0');
    await expect.poll(() => pending.length).toBe(2);
    pending[1]?.succeed();
    await expect.poll(() => line('alert')).toBe('');
    expect(pickers()[0]?.current).toBe('1:0');
  });

  it('shows a failed request (403 for a host who lost the role) the same way', async () => {
    const { host, pending } = await load();
    await host.invoke('chooseLayout');
    await pick(pickers()[0], '9:0');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.answer({ status: 403, body: { status: 'failed', result: 'Forbidden' } });
    await expect.poll(() => line('alert')).toBe('The layout was not changed: Forbidden');
  });

  it('turns names (overlay text) on and off: a plain checkbox, unticked until set from here', async () => {
    const { host, pending, sent } = await load();
    await host.invoke('chooseLayout');
    expect(namesBox().checked).toBe(false);
    toggleNames();
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.succeed();
    await expect
      .poll(() => line('status'))
      .toBe("Current layout: the meeting's default; names shown");
    expect(namesBox().checked).toBe(true);

    toggleNames();
    await expect.poll(() => pending.length).toBe(2);
    pending[1]?.succeed();
    await expect
      .poll(() => line('status'))
      .toBe("Current layout: the meeting's default; names hidden");
    expect(namesBox().checked).toBe(false);
    expect(sent()).toEqual([
      { transforms: { enable_overlay_text: true } },
      { transforms: { enable_overlay_text: false } },
    ]);
  });

  it('unticks the names box again when the node refuses the change', async () => {
    const { host, pending } = await load();
    await host.invoke('chooseLayout');
    toggleNames();
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.answer({ status: 200, body: { status: 'failed', result: 'Illegal value' } });
    await expect.poll(() => line('alert')).toBe('The layout was not changed: Illegal value');
    expect(namesBox().checked).toBe(false);
  });

  it('goes back to the default with an empty transform and forgets what it set', async () => {
    const { host, pending } = await load();
    await host.invoke('chooseLayout');
    await pick(pickers()[0], '16:0');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.succeed();
    await expect.poll(() => pickers()[0]?.current).toBe('16:0');

    resetButton()?.click();
    await expect.poll(() => pending.length).toBe(2);
    expect(pending[1]?.body).toEqual({ transforms: {} });
    pending[1]?.succeed();
    await expect.poll(() => pickers()[0]?.current).toBe('');
    expect(line('status')).toBe("Current layout: the meeting's default");
    expect(namesBox().checked).toBe(false);
  });

  it('remembers the layout it set when the dialog is opened again', async () => {
    const { host, pending } = await load();
    await host.invoke('chooseLayout');
    await pick(pickers()[0], 'ac');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.succeed();
    await expect.poll(() => pickers()[0]?.current).toBe('ac');
    document.querySelector<HTMLElement & { close(): void }>(tag('ipk-dialog'))?.close();
    await expect.poll(() => pickers().length).toBe(0);

    await host.invoke('chooseLayout');
    expect(pickers()[0]?.current).toBe('ac');
    expect(line('status')).toBe('Current layout: Adaptive (ac) (set from this browser)');
  });

  it('closes its dialog on unload', async () => {
    const { host } = await load();
    await host.invoke('chooseLayout');
    await host.unload();
    await expect.poll(() => document.querySelectorAll(tag('ipk-dialog')).length).toBe(0);
  });
});

describe('the layout plugin in a Virtual Auditorium', () => {
  it('offers host and guest layouts and sends each under its own key', async () => {
    const { host, pending, sent } = await load({ participants: [{ serviceType: 'lecture' }] });
    await host.invoke('chooseLayout');
    const [hosts, guests] = pickers();
    expect(pickers().map((picker) => picker.label)).toEqual(['Hosts see', 'Guests see']);

    await pick(hosts, '1:7');
    await expect.poll(() => pending.length).toBe(1);
    pending[0]?.succeed();
    await pick(guests, '1:0');
    await expect.poll(() => pending.length).toBe(2);
    pending[1]?.succeed();

    await expect.poll(() => guests?.current).toBe('1:0');
    expect(hosts?.current).toBe('1:7');
    expect(sent()).toEqual([
      { transforms: { host_layout: '1:7' } },
      { transforms: { guest_layout: '1:0' } },
    ]);
    expect(line('status')).toBe(
      'Current layout: hosts see 1 + 7 (1:7), guests see Speaker (1:0) (set from this browser)',
    );
  });
});
