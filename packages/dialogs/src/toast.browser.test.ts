import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { openDialog } from './open-dialog.js';
import { showToast } from './toast.js';
import { axeViolations } from '../test-support/axe-violations.js';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('showToast', () => {
  it('shows the text as a polite status message', async () => {
    showToast('Recording started', { timeoutMs: 0 });
    await expect.element(page.getByRole('status')).toHaveTextContent('Recording started');
  });

  it('announces errors at once as an alert', async () => {
    showToast('Could not start recording', { kind: 'error', timeoutMs: 0 });
    await expect.element(page.getByRole('alert')).toHaveTextContent('Could not start recording');
  });

  it('puts the text in as text, never as HTML', () => {
    const toast = showToast('<img src=x onerror="window.__pwned = true">', { timeoutMs: 0 });
    expect(toast.element.querySelector('img')).toBeNull();
  });

  it('goes away after its timeout', async () => {
    vi.useFakeTimers();
    const toast = showToast('Saved', { timeoutMs: 4000 });
    vi.advanceTimersByTime(3999);
    expect(toast.element.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    await toast.dismissed;
    expect(toast.element.isConnected).toBe(false);
  });

  it('stacks toasts so none hides another', async () => {
    const first = showToast('First', { timeoutMs: 0 });
    const second = showToast('Second', { timeoutMs: 0 });
    await Promise.all([first.shown, second.shown]);
    const firstBox = first.element.getBoundingClientRect();
    const secondBox = second.element.getBoundingClientRect();
    expect(firstBox.height).toBeGreaterThan(10);
    expect(secondBox.height).toBeGreaterThan(10);
    expect(secondBox.bottom <= firstBox.top || firstBox.bottom <= secondBox.top).toBe(true);
  });

  it('shows above an open modal dialog', async () => {
    const dialog = openDialog({ title: 'Busy', content: '<p>Working</p>' });
    await dialog.opened;
    const toast = showToast('Done', { timeoutMs: 0 });
    await toast.shown;
    const box = toast.element.getBoundingClientRect();
    expect(box.height).toBeGreaterThan(10);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(toast.element.contains(hit)).toBe(true);
    await expect.element(page.getByRole('status')).toHaveTextContent('Done');
  });

  it('outlives the dialog it was shown over', async () => {
    const dialog = openDialog({ title: 'Busy', content: '<p>Working</p>' });
    await dialog.opened;
    const toast = showToast('Saved', { timeoutMs: 0 });
    await toast.shown;
    dialog.close();
    await dialog.closed;
    expect(toast.element.isConnected).toBe(true);
    await expect.element(page.getByRole('status')).toHaveTextContent('Saved');
    expect(toast.element.matches(':popover-open')).toBe(true);
  });

  it('passes axe-core', async () => {
    showToast('Recording started', { timeoutMs: 0 });
    expect(await axeViolations()).toEqual([]);
  });
});
