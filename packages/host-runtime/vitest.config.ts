import { defineConfig } from 'vitest/config';

export default defineConfig({
  // @pexip/infinity publishes only a `module` entry with extension-less ESM imports: let Vite
  // resolve and transform it (Node's own loader cannot import it).
  resolve: { mainFields: ['module', 'main'] },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/dom-emulation-gaps.test-setup.ts'],
    server: { deps: { inline: [/@pexip\//] } },
  },
});
