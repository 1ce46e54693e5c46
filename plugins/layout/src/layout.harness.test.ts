// The built plugin, loaded by the host runtime as webapp2 would load it (package file validated,
// role enforced, the IIFE evaluated as a classic script), driven through its toolbar button.
import { createPluginHarness, type PluginHarness } from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'layout.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

/** The @ipk/dialogs release this plugin is built against (what Rollup bundles). */
function bundledDialogsVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@ipk/dialogs');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const pickerTag = () => `ipk-layout-picker-v${bundledDialogsVersion().replace(/\./g, '-')}`;

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  document.body.replaceChildren();
});

async function load(options: { role?: 'chair' | 'guest'; participants?: object[] } = {}) {
  harness = await createPluginHarness({ packageFile, sourceText, ...options });
  return harness;
}

async function option(picker: Element | undefined, layout: string): Promise<HTMLButtonElement> {
  let found: HTMLButtonElement | null | undefined;
  await expect
    .poll(() => (found = picker?.shadowRoot?.querySelector(`[data-layout="${layout}"]`)))
    .toBeTruthy();
  return found as HTMLButtonElement;
}

function transforms(host: PluginHarness): unknown[] {
  return host.requests
    .filter((request) => request.call === 'sendRequest')
    .map((request) => request.args);
}

describe('layout, in the host runtime', () => {
  it('loads for a host with a "Change layout" toolbar button', async () => {
    const host = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([{ placement: 'toolbar', label: 'Change layout' }]);
  });

  it('is not offered to guests', async () => {
    const guest = await load({ role: 'guest' });
    expect(guest.record().status.kind).toBe('skipped');
    expect(guest.menuItems()).toEqual([]);
  });

  it('changes a VMR layout with the bundled picker (this @ipk/dialogs release’s tag)', async () => {
    const host = await load();
    await host.invoke('chooseLayout');
    const version = bundledDialogsVersion();
    expect(sourceText).toMatch(
      new RegExp(`COMPONENTS_VERSION = ["']${version.replace(/\./g, '\\.')}["']`),
    );
    const pickers = [...document.querySelectorAll(pickerTag())];
    expect(pickers).toHaveLength(1);

    (await option(pickers[0], '9:0')).click();
    await expect
      .poll(() => transforms(host))
      .toEqual([['transform_layout', { transforms: { layout: '9:0' } }]]);
    await expect
      .poll(() => document.querySelector('.ipk-layout-plugin [role="status"]')?.textContent)
      .toBe('Current layout: 3 × 3 (9:0) (set from this browser)');
  });

  it('offers host and guest layouts in a Virtual Auditorium', async () => {
    const host = await load({ participants: [{ uuid: 'a', serviceType: 'lecture' }] });
    await host.invoke('chooseLayout');
    const pickers = [...document.querySelectorAll(pickerTag())];
    expect(pickers.map((picker) => picker.getAttribute('data-key'))).toEqual([
      'host_layout',
      'guest_layout',
    ]);
    (await option(pickers[1], '1:0')).click();
    await expect
      .poll(() => transforms(host))
      .toEqual([['transform_layout', { transforms: { guest_layout: '1:0' } }]]);
  });
});
