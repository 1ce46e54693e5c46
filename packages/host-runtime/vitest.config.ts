import { defineConfig } from 'vitest/config';

export default defineConfig({
  // @pexip/infinity publishes only a `module` entry with extension-less ESM imports: let Vite
  // resolve and transform it (Node's own loader cannot import it).
  resolve: { mainFields: ['module', 'main'] },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/dom-emulation-gaps.test-setup.ts'],
    // A bound that catches a hang, not a speed limit: a test joins a real host to a fake node,
    // several times slower on a loaded 2-core CI machine than here.
    testTimeout: 30_000,
    server: { deps: { inline: [/@pexip\//] } },
  },
});
