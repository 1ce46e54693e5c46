import { defineConfig } from 'vitest/config';

// The tests run real turbo builds (a few node processes each): seconds on a loaded 2-core machine.
export default defineConfig({
  test: { testTimeout: 60_000 },
});
