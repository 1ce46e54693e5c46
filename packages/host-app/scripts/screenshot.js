// Pictures of the app for the README: starts the mock node with the built app and a branding
// folder, joins `meet` in Chromium (desktop, then a 390×664 phone), saves docs/host-app*.png.
// Usage: npm run screenshot -w @ipk/host-app [-- --branding <dir>]   (build the app first)
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_FAKE_MEDIA_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import { startMockNode } from '@ipk/mock-node';
import { chromium } from 'playwright';
import { hostAppDir } from '../app-dir.js';

const here = dirname(fileURLToPath(import.meta.url));
const docsDir = resolve(here, '../docs');
const { values } = parseArgs({
  options: { branding: { type: 'string', default: resolve(here, 'fixtures/demo-branding') } },
});

if (!existsSync(resolve(hostAppDir, 'index.html'))) {
  console.error(`No build in ${hostAppDir}: run \`npm run build -w @ipk/host-app\` first.`);
  process.exit(1);
}

const node = await startMockNode({ appDir: hostAppDir, brandingDir: resolve(values.branding) });
const browser = await chromium.launch({
  executablePath: chromiumExecutablePath(),
  args: [...CHROMIUM_ARGS, ...CHROMIUM_FAKE_MEDIA_ARGS],
});
const joinUrl = `${node.url}/webapp2/conference/meet?name=Alice&join=1`;

try {
  mkdirSync(docsDir, { recursive: true });
  await shoot('host-app.png', { viewport: { width: 1280, height: 800 } });
  await shoot('host-app-phone.png', {
    viewport: { width: 390, height: 664 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
} finally {
  await browser.close();
  await node.close();
}

/** Joins in a fresh context and saves one picture once the roster shows the simulated people. */
async function shoot(file, contextOptions) {
  const context = await browser.newContext({
    ...contextOptions,
    permissions: ['camera', 'microphone'],
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[console] ${message.text()}`);
  });
  await page.goto(joinUrl);
  try {
    await page.getByRole('toolbar', { name: 'Conference toolbar' }).waitFor({ timeout: 15_000 });
  } catch (error) {
    // Say what the user would see (a join error, the Oops page) rather than only "timeout".
    const shown = await page.locator('body').innerText();
    throw new Error(`did not get into the conference; the page shows:\n${shown}`, { cause: error });
  }
  // On a phone the roster starts closed: open it to see the people arrive, then close it again.
  const rosterButton = page.getByRole('button', { name: 'Participants' });
  const rosterClosed = (await rosterButton.getAttribute('aria-pressed')) !== 'true';
  if (rosterClosed) await rosterButton.click();
  await page.getByRole('list', { name: 'Participants' }).getByRole('listitem').nth(1).waitFor();
  if (rosterClosed) await rosterButton.click();
  // The stage is a canvas stream repainted each second: wait until both videos play and the
  // main one has shown two new frames, so the picture has the roster's people and the camera.
  await page.waitForFunction(() => {
    const main = document.getElementById('mainVideo');
    const self = document.getElementById('selfviewVideo');
    return main?.readyState >= 2 && self?.readyState >= 2;
  });
  await page.evaluate(async () => {
    const main = document.getElementById('mainVideo');
    for (let frame = 0; frame < 2; frame++) {
      await new Promise((presented) => main.requestVideoFrameCallback(presented));
    }
  });
  const path = resolve(docsDir, file);
  await page.screenshot({ path });
  console.log(`saved ${path}`);
  // Leave, or the node keeps this participant until its token expires and the next picture shows it.
  await page.getByRole('button', { name: 'Leave' }).click();
  await page.getByRole('button', { name: 'Join' }).waitFor();
  await context.close();
}
