import { CHROMIUM_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, unreachableControls } from './page-checks.js';

// The e2e checks must fail when the page is broken: each case builds a page with one known fault.
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [...CHROMIUM_ARGS],
  });
  page = await browser.newPage({ viewport: { width: 390, height: 664 } });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

describe('unreachableControls', () => {
  it('names a button cut off at the right edge, and a page that scrolls sideways', async () => {
    await page.setContent(
      '<div style="display:flex;gap:8px;width:520px"><button>Mute</button><button style="margin-left:400px">Leave</button></div>',
    );
    const found = await unreachableControls(page);
    expect(found.pageScrollsSideways).toBe(true);
    expect(found.outside.map((control) => control.name)).toEqual(['Leave']);
  });

  it('passes a dialog body that scrolls by itself, and fails a control below the screen outside one', async () => {
    await page.setContent(
      `<div style="max-height:300px;overflow-y:auto"><div style="height:900px"></div><button>Inside scroller</button></div>
       <button style="position:absolute;top:2000px">Below</button>`,
    );
    const found = await unreachableControls(page);
    expect(found.outside.map((control) => control.name)).toEqual(['Below']);
  });

  it('looks into shadow roots', async () => {
    await page.setContent('<div id="host"></div>');
    await page.evaluate(() => {
      const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<button style="position:absolute;left:-200px">Hidden left</button>';
    });
    const found = await unreachableControls(page);
    expect(found.outside.map((control) => control.name)).toEqual(['Hidden left']);
  });
});

describe('axeFindings', () => {
  it('reports low contrast and an unnamed button as serious or critical', async () => {
    await page.setContent(
      '<html lang="en"><title>t</title><main><p style="color:#777;background:#888">faint</p><button></button></main></html>',
    );
    const findings = await axeFindings(page);
    expect(findings.map((finding) => [finding.id, finding.impact])).toEqual(
      expect.arrayContaining([
        ['color-contrast', 'serious'],
        ['button-name', 'critical'],
      ]),
    );
  });

  it('finds nothing on a plain, labelled page', async () => {
    await page.setContent(
      '<html lang="en"><title>t</title><main><h1>Hi</h1><button>Go</button></main></html>',
    );
    expect(await axeFindings(page)).toEqual([]);
  });
});
