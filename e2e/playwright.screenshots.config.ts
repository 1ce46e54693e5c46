import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_FAKE_MEDIA_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import type { WorkerFixtures } from './src/fixtures.js';

/**
 * `npm run screenshots -w @ipk/e2e`: the README pictures of each plugin (not a test suite; it
 * uses the suite's fixtures so the pictures show the real host, node and branding).
 */
export default defineConfig<unknown, WorkerFixtures>({
  testDir: './screenshots',
  globalSetup: './src/global-setup.ts',
  outputDir: './test-results/screenshots',
  workers: 1,
  timeout: 30_000,
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath: chromiumExecutablePath(),
      args: [...CHROMIUM_ARGS, ...CHROMIUM_FAKE_MEDIA_ARGS],
    },
  },
  // Each picture at desktop size (docs/screenshot.png) and phone size (docs/screenshot-phone.png,
  // the suite's iPhone 14 in Chromium).
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      use: { ...devices['iPhone 14'], browserName: 'chromium', platform: 'ios' },
    },
  ],
});
