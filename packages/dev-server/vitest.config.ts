import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The watch tests build real plugins; one file at a time keeps a 2-core machine responsive.
    fileParallelism: false,
    // A bound that catches a hang, not a speed limit: the tests build real plugins and start a
    // server, several times slower on a loaded 2-core CI machine than here.
    testTimeout: 30_000,
  },
});
