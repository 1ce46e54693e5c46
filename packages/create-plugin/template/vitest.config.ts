import { defineConfig } from 'vitest/config';

// Plugins run in the browser: the unit tests get a DOM (happy-dom: fast, no native parts).
// Polling every 5 ms (not 50): the tests wait for component renders and node answers, which take
// microseconds, so the default interval only adds idle time.
export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Bounds that catch a hang, not a speed limit: beforeAll builds the real bundle with Rollup
    // (seconds on an idle machine), and a test runs the real host, several times slower on a
    // loaded 2-core CI machine than here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    expect: { poll: { interval: 5 } },
  },
});
