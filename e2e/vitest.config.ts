import { defineConfig } from 'vitest/config';

// The unit tests of the suite's own support code (src/). The Playwright specs (tests/, the
// plugins' tests/) are run by `npm run e2e`, not here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
