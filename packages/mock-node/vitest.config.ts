import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `@pexip/infinity-api` is ESM with extension-less imports: Vite must transform it (plain
    // Node cannot import it, see client-api.md).
    server: { deps: { inline: ['@pexip/infinity-api', '@pexip/infinity'] } },
    testTimeout: 15_000,
  },
});
