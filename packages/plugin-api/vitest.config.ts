import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The validators import the code compiled from schemas/ (gitignored): compile it first, so
    // `npx vitest run <file>` works on a fresh clone too.
    globalSetup: ['./scripts/generate-schema-validators.js'],
    // A bound that catches a hang, not a speed limit (a loaded 2-core CI machine is several times
    // slower than this one).
    testTimeout: 30_000,
  },
});
