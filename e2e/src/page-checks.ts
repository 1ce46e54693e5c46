import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected into the page under test (it is not part of the app). */
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

/** The impacts that fail a check; minor and moderate findings are printed, not failed. */
const FAILING_IMPACTS: readonly string[] = ['serious', 'critical'];

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  /** CSS selectors of the offending elements (the first few). */
  readonly targets: readonly string[];
}

interface AxeRunResult {
  readonly violations: readonly {
    readonly id: string;
    readonly impact?: string | null;
    readonly help: string;
    readonly nodes: readonly { readonly target: readonly unknown[] }[];
  }[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, and best practices) on what the page shows now and
 * returns every violation. The browser's own rendering decides contrast, so this is the check
 * the plugins' happy-dom tests leave to the browser.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    return (await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })) as AxeRunResult;
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
  }));
}

export interface OutsideControl {
  readonly name: string;
  readonly box: Pick<DOMRectReadOnly, 'left' | 'top' | 'right' | 'bottom'>;
}

/**
 * What a user on this screen could not reach without scrolling sideways: whether the page scrolls
 * horizontally, and every visible control (button, link, field, menu row, switch) that sticks out
 * of the viewport. Controls inside an element that scrolls by itself (a dialog's body, a long
 * menu) count as reachable when they are inside that element's scrolling box horizontally.
 */
export async function unreachableControls(
  page: Page,
): Promise<{ pageScrollsSideways: boolean; outside: OutsideControl[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const selector =
      'button, a[href], input, select, textarea, [role="button"], [role="menuitem"], [role="switch"], [role="checkbox"], [role="tab"]';
    const all: Element[] = [];
    const collect = (root: Document | ShadowRoot): void => {
      all.push(...root.querySelectorAll(selector));
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    const inScroller = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const scrolls = /(auto|scroll)/.test(getComputedStyle(parent).overflowY);
        if (scrolls && parent.scrollHeight > parent.clientHeight) return true;
      }
      return false;
    };
    const outside: OutsideControl[] = [];
    for (const element of all) {
      if (!(element instanceof HTMLElement)) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (getComputedStyle(element).visibility === 'hidden') continue;
      const horizontallyOut = box.left < -0.5 || box.right > width + 0.5;
      const verticallyOut = !inScroller(element) && (box.top < -0.5 || box.bottom > height + 0.5);
      if (horizontallyOut || verticallyOut) {
        outside.push({
          name:
            element.getAttribute('aria-label') ??
            element.textContent?.trim().slice(0, 40) ??
            element.tagName.toLowerCase(),
          box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        });
      }
    }
    return {
      pageScrollsSideways: document.documentElement.scrollWidth > width + 0.5,
      outside,
    };
  });
}

/**
 * The check issue #18 asks of every page and dialog in every project: nothing a user needs is
 * outside the screen or behind sideways scrolling, and axe finds no serious or critical
 * violation. `what` names the page in the failure ("conference, More menu open").
 */
export async function expectUsableAndAccessible(page: Page, what: string): Promise<void> {
  const layout = await unreachableControls(page);
  expect(layout.pageScrollsSideways, `${what}: the page scrolls sideways`).toBe(false);
  expect(
    layout.outside,
    `${what}: controls outside the ${page.viewportSize()?.width} px screen`,
  ).toEqual([]);
  const failing = (await axeFindings(page)).filter((finding) =>
    FAILING_IMPACTS.includes(finding.impact),
  );
  const found = failing.map(
    (finding) => `${finding.impact} ${finding.id}: ${finding.help} (${finding.targets.join(', ')})`,
  );
  expect(failing, `${what}: axe found\n${found.join('\n')}`).toEqual([]);
}
