import { defineConfig } from 'vitest/config';

// Tests run plugin sources in the probe's worker thread (a cold start took 0.5 s on a loaded 2-core
// machine) and stop hostile ones at their limits: bound each test by 20 s, not Vitest's 5 s.
export default defineConfig({
  test: { testTimeout: 20_000, hookTimeout: 20_000 },
});
