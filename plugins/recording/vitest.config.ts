import { defineConfig } from 'vitest/config';

// Plugins run in the browser: the unit tests get a DOM (happy-dom: fast, no native parts).
export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // beforeAll builds the real bundle with Rollup: seconds on an idle machine, more on a loaded
    // 2-core one (a bound, not a wait).
    hookTimeout: 60_000,
  },
});
