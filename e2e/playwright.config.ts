import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutablePath, chromiumFakeMediaArgs } from '@ipk/chromium';
import type { WorkerFixtures } from './src/fixtures.js';

const launchOptions = {
  executablePath: chromiumExecutablePath(),
  // A camera at 5 frames a second: enough for every picture a test looks at, and the run's biggest
  // saving of CPU (e2e README, "Speed").
  args: [...CHROMIUM_ARGS, ...chromiumFakeMediaArgs({ fps: 5 })],
};

/**
 * The Infinity Connect desktop app is Electron, whose default user agent is Chrome's with
 * `<app>/<version>` before `Chrome/` and `Electron/<version>` before `Safari/` (Electron docs,
 * `app.userAgentFallback`). The runtime only needs `Electron/` (`detectPlatform`); the app name
 * and versions here are illustrative.
 */
const desktopChrome = devices['Desktop Chrome'];
const electronUserAgent = desktopChrome.userAgent
  .replace(' Chrome/', ' PexipInfinityConnect/2.5.0 Chrome/')
  .replace(' Safari/', ' Electron/37.2.0 Safari/');

const repoDir = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const againstRealNode = Boolean(process.env.PEXIP_NODE_URL);

export default defineConfig<unknown, WorkerFixtures>({
  // Globs are matched against absolute paths: anchored at the repo root, so plugins scaffolded
  // elsewhere (e.g. create-plugin's test folders) are not picked up.
  testDir: repoDir,
  testMatch: [`${repoDir}/e2e/tests/**/*.spec.ts`, `${repoDir}/plugins/*/tests/*.spec.ts`],
  testIgnore: ['**/node_modules/**'],
  globalSetup: './src/global-setup.ts',
  // Overridable so two runs on one checkout do not delete each other's traces.
  outputDir: process.env.IPK_E2E_OUTPUT_DIR ?? './test-results',
  fullyParallel: true,
  // A real conference is shared: tests in it one at a time, so rosters are what each test made.
  workers: againstRealNode ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [
    ['list'],
    // What the run was against, and the reason of every skip, in the terminal.
    ['./src/run-summary-reporter.ts'],
    [
      'html',
      { outputFolder: process.env.IPK_E2E_REPORT_DIR ?? 'playwright-report', open: 'never' },
    ],
  ],
  use: {
    // Recording a trace for every test costs about a quarter of the run (measured, e2e README);
    // a failure keeps its screenshot and error context. For a trace: `-- --trace=on`.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'web', use: { ...desktopChrome, platform: 'web' } },
    { name: 'android', use: { ...devices['Pixel 7'], platform: 'android' } },
    {
      name: 'ios',
      // iPhone descriptors default to WebKit, which cannot be installed here.
      use: { ...devices['iPhone 14'], browserName: 'chromium', platform: 'ios' },
    },
    {
      name: 'electron',
      use: { ...desktopChrome, userAgent: electronUserAgent, platform: 'electron' },
    },
  ],
});
