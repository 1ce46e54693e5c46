// @vitest-environment node
/**
 * The page webapp2 plugins expect, in the built app in headless Chromium against the mock node:
 * fixture plugins of our own (`fixtures/webapp2-page-branding/`) do what Pexip's gallery plugins do
 * to webapp2's page — chat-notify's side panel shortcut, raise-hand-notification's toast over the
 * stage, server-mute-notifier's microphone swap and body toast, maintain-url's address, the app's
 * icon sprite, finding PexRTC by name — and the toolbar fits every phone size. Needs the app built.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import { startMockNode, type MockNode } from '@ipk/mock-node';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostAppDir } from '../app-dir.js';

const BRANDING = resolve(import.meta.dirname, '../fixtures/webapp2-page-branding');
const JOIN_QUERY = 'name=Alice&join=1&media=0';

vi.setConfig({ testTimeout: 30_000 });

let browser: Browser;
let node: MockNode;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!existsSync(resolve(hostAppDir, 'index.html'))) {
    throw new Error(`No build in ${hostAppDir}: run \`npm run build -w @ipk/host-app\` first.`);
  }
  browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [...CHROMIUM_ARGS],
  });
  node = await startMockNode({ appDir: hostAppDir, brandingDir: BRANDING, simulate: false });
});

afterAll(async () => {
  await browser.close();
  await node.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  node.control.reset();
});

async function joined(viewport = { width: 1280, height: 800 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${node.url}/webapp2/conference/meet?${JOIN_QUERY}`);
  await page.getByRole('toolbar', { name: 'Conference toolbar' }).waitFor();
  // Every fixture plugin is running (and nothing threw on the page).
  await page.waitForFunction(() => (window as unknown as { walkerFound?: unknown }).walkerFound);
  expect(errors).toEqual([]);
  return page;
}

/** A node request from the page, with the user's own token (as a plugin would send it). */
async function sendAsPlugin(page: Page, path: string): Promise<void> {
  await page.evaluate(async (relative) => {
    const pex = (
      window as unknown as {
        PEX: { selfUUID: string; pluginAPI: { sendRequest(p: string): Promise<unknown> } };
      }
    ).PEX;
    await pex.pluginAPI.sendRequest(relative.replace('{self}', pex.selfUUID));
  }, path);
}

async function insideViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.left >= 0 &&
      box.top >= 0 &&
      box.right <= window.innerWidth &&
      box.bottom <= window.innerHeight
    );
  });
}

describe("webapp2's page, as the gallery plugins use it", () => {
  it('chat-notify: a chat message brings up the chat, from a closed panel or the roster', async () => {
    const page = await joined();
    const chat = page.getByRole('log', { name: 'Chat messages' });
    // The panel starts on the roster at this width: a message switches it to the chat.
    await expect
      .poll(() => page.getByRole('list', { name: 'Participants' }).isVisible())
      .toBe(true);
    node.control.injectChat('meet', { origin: 'Bob', payload: 'first' });
    await expect.poll(() => chat.isVisible()).toBe(true);
    // Closed with the roster chosen: the plugin's two shortcuts end on the chat again.
    await page.getByRole('button', { name: 'Chat' }).click();
    await page.getByRole('button', { name: 'Participants' }).click();
    await page.getByRole('button', { name: 'Participants' }).click();
    await expect.poll(() => page.locator('#conference-container.sidebar-open').count()).toBe(0);
    node.control.injectChat('meet', { origin: 'Bob', payload: 'second' });
    await expect.poll(() => chat.isVisible()).toBe(true);
    await expect.poll(() => chat.textContent()).toContain('second');
  });

  it('raise-hand-notification: its toast shows over the stage', async () => {
    const page = await joined();
    await sendAsPlugin(page, 'participants/{self}/buzz');
    const toast = page.locator('#conference-stage-container .toast-container .toast');
    await expect.poll(() => toast.textContent()).toBe('Alice has raised a hand');
    expect(await insideViewport(page, '#conference-stage-container .toast')).toBe(true);
  });

  it('server-mute-notifier: the microphone button is swapped by id, and its body toast is in view', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 664 },
    ]) {
      const page = await joined(viewport);
      await sendAsPlugin(page, 'participants/{self}/mute');
      await expect
        .poll(() => page.locator('body > #toast.toast').textContent())
        .toBe('You have been muted by the host');
      expect(await insideViewport(page, 'body > #toast.toast')).toBe(true);
      const locked = page.getByRole('button', { name: 'Mic muted by host' });
      await expect.poll(() => locked.isVisible()).toBe(true);
      // Its icon is the app's own sprite symbol, drawn (a missing symbol draws nothing).
      await expect
        .poll(() =>
          page.locator('.mic-disabled use').evaluate((use) => use.getBoundingClientRect().width),
        )
        .toBeGreaterThan(0);
      await sendAsPlugin(page, 'participants/{self}/unmute');
      await context?.close();
      context = undefined;
    }
  });

  it('maintain-url: the address after joining is the same on every join, never a growing query', async () => {
    const page = await joined();
    const expected = `/webapp2/conference/meet?${JOIN_QUERY}`;
    await expect
      .poll(() => page.evaluate(() => location.pathname + location.search))
      .toBe(expected);
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('toolbar', { name: 'Conference toolbar' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => location.pathname + location.search))
      .toBe(expected);
  });

  it('older plugins find the call object by constructor.name in the minified build, with its node', async () => {
    const page = await joined();
    const found = await page.evaluate(
      () => (window as unknown as { walkerFound: unknown }).walkerFound,
    );
    expect(found).toEqual({ node: new URL(node.url).host, uuid: expect.any(String) });
  });

  it("icons.svg#video: a plugin's toolbar icon from the app's sprite is drawn", async () => {
    const page = await joined();
    const button = page.getByRole('button', { name: 'Sprite video' });
    await expect
      .poll(() => button.locator('use').evaluate((use) => use.getBoundingClientRect().width))
      .toBeGreaterThan(0);
    const sprite = await page.request.get(`${node.url}/webapp2/icons.svg`);
    expect(sprite.status()).toBe(200);
    expect(await sprite.text()).toContain('<symbol id="mic-off"');
  });
});

describe('a plugin that blocks the page from a timer of its own', () => {
  it('is named in Settings > Plugins, with where (the browser says which script the work was)', async () => {
    const page = await joined();
    await page.getByRole('button', { name: 'Settings' }).click();
    const row = page
      .getByRole('list', { name: 'Plugins' })
      .getByRole('listitem')
      .filter({ hasText: 'Busy timer' });
    await expect
      .poll(() => row.textContent())
      .toMatch(/Blocked the page once, longest 0\.\d s \(in a timer\)/);
  });
});

describe('the toolbar on every screen the e2e projects use, and at 320 px', () => {
  it.each([
    [320, 640],
    [390, 664],
    [412, 839],
    [1280, 800],
  ])(
    '%i × %i: every control is inside the viewport, what does not fit is under "More"',
    async (width, height) => {
      const page = await joined({ width, height });
      const toolbar = page.getByRole('toolbar', { name: 'Conference toolbar' });
      const names = await toolbar.evaluate((element) =>
        [...element.querySelectorAll('button')]
          .filter((button) => button.offsetParent !== null)
          .map((button) => {
            const box = button.getBoundingClientRect();
            return {
              name: button.getAttribute('aria-label') ?? '',
              inside:
                box.left >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight,
            };
          }),
      );
      expect(names.filter((button) => !button.inside)).toEqual([]);
      expect(names.map((button) => button.name)).toEqual(
        expect.arrayContaining(['Mute microphone', 'Stop camera', 'Leave']),
      );
      const all = ['Participants', 'Chat', 'Conference control menu', 'Sprite video', 'Settings'];
      const inToolbar = names.map((button) => button.name);
      const overflowed = all.filter((name) => !inToolbar.includes(name));
      if (overflowed.length === 0) return;
      await toolbar.getByRole('button', { name: 'More' }).click();
      const menu = page.getByRole('menu', { name: 'More' });
      for (const name of overflowed.filter((name) => name !== 'Conference control menu')) {
        await expect.poll(() => menu.getByRole('menuitem', { name }).isVisible()).toBe(true);
      }
      const rows = await menu.getByRole('menuitem').evaluateAll((items) =>
        items.every((item) => {
          const box = item.getBoundingClientRect();
          return box.left >= 0 && box.right <= window.innerWidth && box.top >= 0;
        }),
      );
      expect(rows).toBe(true);
    },
  );
});
