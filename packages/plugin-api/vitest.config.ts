import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The validators import the code compiled from schemas/ (gitignored): compile it first, so
    // `npx vitest run <file>` works on a fresh clone too.
    globalSetup: ['./scripts/generate-schema-validators.js'],
  },
});
