import { defineConfig } from 'vitest/config';

// Plugins run in the browser: the unit tests get a DOM (happy-dom: fast, no native parts).
export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
