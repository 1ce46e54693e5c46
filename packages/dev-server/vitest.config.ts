import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The watch tests build real plugins; one file at a time keeps a 2-core machine responsive.
    fileParallelism: false,
  },
});
