// The live-reload client in Chromium: a failing save shows the overlay over the running page, a
// fixed save clears it and reloads the page. Uses the same small repo shape as dev-server.test.ts.
import { CHROMIUM_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import { createPlugin } from '@ipk/create-plugin';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './dev-server.js';

const packageDir = path.resolve(import.meta.dirname, '..');
let repoRoot: string;
let server: DevServer;
let browser: Browser;
let pluginSource: string;

beforeAll(async () => {
  repoRoot = await mkdtemp(path.join(packageDir, '.browser-test-'));
  await writeFile(
    path.join(repoRoot, 'package.json'),
    JSON.stringify({ name: 'fixture-repo', private: true, workspaces: ['plugins/*'] }),
  );
  const created = await createPlugin({ name: 'hello', pluginsDir: path.join(repoRoot, 'plugins') });
  pluginSource = path.join(created.dir, 'src', 'hello-plugin.ts');
  const appDir = path.join(repoRoot, 'app');
  await mkdir(appDir);
  await writeFile(
    path.join(appDir, 'index.html'),
    '<!doctype html><html><head><title>app</title></head><body><h1>the host app</h1></body></html>',
  );
  server = await startDevServer({ repoRoot, watch: true, appDir, simulate: false, media: false });
  browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [...CHROMIUM_ARGS],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(repoRoot, { recursive: true, force: true });
});

it('shows a build error over the page, then reloads the page once the file is fixed', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/webapp2/`);
  await expect.poll(() => server.livePages()).toBe(1);
  const original = await readFile(pluginSource, 'utf8');

  await writeFile(pluginSource, `${original}\nexport const broken = ;\n`);
  const overlay = page.getByRole('alert', { name: 'Plugin build error' });
  await overlay.waitFor();
  expect(await overlay.textContent()).toMatch(/hello: .*hello-plugin\.ts/s);
  expect(await page.getByRole('heading', { name: 'the host app' }).isVisible()).toBe(true);

  const reloaded = page.waitForEvent('load');
  await writeFile(pluginSource, original.replace('Hello!', 'Fixed!'));
  await reloaded;
  expect(await overlay.count()).toBe(0);
}, 60_000);

it('shows a type error over the page once the check is done, until it is fixed', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/webapp2/`);
  await expect.poll(() => server.livePages()).toBeGreaterThan(0);
  const original = await readFile(pluginSource, 'utf8');

  await writeFile(
    pluginSource,
    original.replace('participants.length === 1', 'participants.lenght === 1'),
  );
  const overlay = page.getByRole('alert', { name: 'Plugin build error' });
  await overlay.waitFor();
  expect(await overlay.textContent()).toMatch(
    /src\/hello-plugin\.ts:\d+:\d+ TS2551 Property 'lenght' does not exist on type 'Participant\[\]'/,
  );

  await writeFile(pluginSource, original);
  // Reloaded with the fix, the overlay stays until the check has passed, then goes.
  await expect.poll(() => overlay.count(), { timeout: 30_000 }).toBe(0);
}, 60_000);
