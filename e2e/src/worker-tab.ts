import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

/** The project options (`use` in playwright.config.ts) that shape a browser context. */
const CONTEXT_OPTION_KEYS = [
  'viewport',
  'screen',
  'userAgent',
  'deviceScaleFactor',
  'isMobile',
  'hasTouch',
  'locale',
  'timezoneId',
  'colorScheme',
  'acceptDownloads',
] as const;

/** A project's device and browser options, as `browser.newContext()` takes them. */
export function contextOptionsOf(use: Record<string, unknown>): BrowserContextOptions {
  const keys = CONTEXT_OPTION_KEYS.filter((key) => use[key] !== undefined);
  return Object.fromEntries(keys.map((key) => [key, use[key]])) as BrowserContextOptions;
}

/** How long putting the tab back may take before it is thrown away and a new one opened. */
const RESET_TIMEOUT_MS = 5_000;

/**
 * One browser tab per worker, handed to every test: each test still loads the app afresh (its
 * `host.join()` navigates, so the document, the app and the join are new), but the tab, its
 * renderer process and the HTTP cache are reused. Measured on the shared 2-core machine: ~0.6 s
 * per join instead of ~1.3–1.8 s with a new context and page (e2e README, "Speed").
 *
 * After each test `closeTab()` does what closing a tab does (the page goes away: `pagehide`, and
 * the app releases its participant) and then removes everything the test stored for the node's
 * origin (cookies, localStorage, sessionStorage, IndexedDB, Cache Storage), so the next test
 * starts as in a new context. A tab that does not come back in time is closed and replaced.
 */
export class WorkerTab {
  private page: Page | undefined;

  private constructor(
    readonly context: BrowserContext,
    private readonly origin: string,
  ) {}

  static async open(browser: Browser, options: BrowserContextOptions): Promise<WorkerTab> {
    if (!options.baseURL) throw new Error('WorkerTab needs a baseURL: the node the tests run on');
    const context = await browser.newContext(options);
    return new WorkerTab(context, new URL(options.baseURL).origin);
  }

  /** The tab for the next test (a new one if the last was closed or thrown away). */
  async take(): Promise<Page> {
    if (!this.page || this.page.isClosed()) this.page = await this.context.newPage();
    return this.page;
  }

  /** After a test: the page goes away as a closed tab's does, and the origin's storage is wiped. */
  async closeTab(): Promise<void> {
    for (const extra of this.context.pages()) {
      if (extra !== this.page) await extra.close();
    }
    const page = this.page;
    if (!page || page.isClosed()) return;
    try {
      await withTimeout(this.blank(page), RESET_TIMEOUT_MS);
    } catch {
      // A page that hangs (a plugin in an endless loop) is closed: the next test gets a new tab.
      this.page = undefined;
      await page.close().catch(() => undefined);
      await this.context.clearCookies();
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private async blank(page: Page): Promise<void> {
    // sessionStorage belongs to the tab and survives navigations: cleared from the page itself.
    if (page.url().startsWith(this.origin)) {
      await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
    }
    await page.goto('about:blank');
    await this.context.clearCookies();
    // Everything else the origin stored, including what the app wrote while going away.
    const cdp = await this.context.newCDPSession(page);
    try {
      await cdp.send('Storage.clearDataForOrigin', {
        origin: this.origin,
        storageTypes: 'local_storage,indexeddb,cache_storage,service_workers,file_systems',
      });
    } finally {
      await cdp.detach();
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
