import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import { buildTestBundle } from './test-support/build-test-bundle.js';

// Two projects: pure logic in Node (fast, no browser), components in real headless Chromium
// (Debian's, through @ipk/chromium: Playwright cannot download its own browser here).
export default defineConfig({
  // Pre-bundled up front so Vite does not discover them mid-run and reload the test page.
  optimizeDeps: { include: ['axe-core'] },
  test: {
    // A bound that catches a hang, not a speed limit: browser tests in real Chromium run several
    // times slower on a loaded 2-core CI machine than here.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumExecutablePath(),
                args: [...CHROMIUM_ARGS],
              },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 390, height: 664 } }],
            // Runs in Node, called from a browser test: bundles the package into a plugin-like IIFE.
            commands: { buildTestBundle },
          },
        },
      },
    ],
  },
});
