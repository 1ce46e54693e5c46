// @vitest-environment happy-dom
// The host runtime's plugin harness (packages/host-runtime) renders openTemplateDialog with
// openDialog inside happy-dom, a DOM without layout; these check that it stays usable there.
import { afterEach, describe, expect, it } from 'vitest';
import { openDialog } from './open-dialog.js';

afterEach(() => document.body.replaceChildren());

describe('openDialog in happy-dom', () => {
  // Inline `onclick` handlers are checked in Chromium (open-dialog.browser.test.ts): happy-dom
  // only runs them when its JavaScript evaluation is switched on.
  it('opens, puts the plugin HTML in the document and closes with a result', async () => {
    const handle = openDialog({ title: 'Record alias', content: '<input id="alias" autofocus>' });
    await handle.opened;
    expect(handle.element.open).toBe(true);
    expect(document.getElementById('alias')).toBe(handle.contentElement.firstElementChild);
    handle.close('done');
    await expect(handle.closed).resolves.toBe('done');
    expect(document.getElementById('alias')).toBeNull();
  });

  it('moves focus into the dialog', async () => {
    const handle = openDialog({ title: 'Pick', content: '<button id="first">One</button>' });
    await handle.opened;
    expect(document.activeElement).toBe(document.getElementById('first'));
    handle.close();
  });
});
