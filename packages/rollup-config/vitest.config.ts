import { defineConfig } from 'vitest/config';

// Each test runs a real Rollup build; on a loaded 2-core CI machine one can take seconds.
export default defineConfig({
  test: { testTimeout: 20_000, hookTimeout: 20_000 },
});
