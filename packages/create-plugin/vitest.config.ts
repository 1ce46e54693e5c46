import { defineConfig } from 'vitest/config';

// Only this package's own tests: template/ holds a plugin's test files, which run in the plugins
// generated from it (the scaffold test does exactly that).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The scaffold and eject tests run builds and an npm install: one file at a time, so they do
    // not starve each other on a 2-core machine.
    fileParallelism: false,
    // A bound that catches a hang, not a speed limit: even the small tests pack a kit package with
    // npm or load ESLint, which took over 5 s (Vitest's default) on a loaded CI machine.
    testTimeout: 60_000,
  },
});
