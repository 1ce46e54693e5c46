// The built plugin, loaded by the host runtime as webapp2 would load it (package file validated,
// roles and platforms enforced, the IIFE evaluated as a classic script), driven through its menu item.
import { createPluginHarness, type PluginHarness } from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { __CONSTANT___ACTION, __CONSTANT___TITLE } from './__name__-plugin';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, '__name__.plugin.package.json');
let sourceText: string;
let harness: PluginHarness | undefined;

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

describe('__name__, in the host runtime', () => {
  it('loads and offers its menu item', async () => {
    harness = await createPluginHarness({ packageFile, sourceText });
    expect(harness.record().status.kind).toBe('loaded');
    expect(harness.menuItems()).toMatchObject([
      { placement: '__placement__', label: __CONSTANT___TITLE },
    ]);
  });

  it('opens a dialog that greets the user when the menu item is chosen', async () => {
    harness = await createPluginHarness({ packageFile, sourceText });
    await harness.invoke(__CONSTANT___ACTION, { name: 'Alice Andersen' });
    await expect.poll(() => harness?.dialog()?.textContent ?? '').toContain('Hello');
  });

  it('leaves nothing open once unloaded', async () => {
    harness = await createPluginHarness({ packageFile, sourceText });
    await harness.invoke(__CONSTANT___ACTION, { name: 'Alice Andersen' });
    await expect.poll(() => harness?.dialog()).not.toBeNull();
    await harness.unload();
    expect(harness.dialog()).toBeNull();
  });
});
