import { defineConfig, type Plugin } from 'vitest/config';
import { webapp2IconSprite } from './icon-sprite.js';

/** Emits `icons.svg` (webapp2's sprite, which plugins reference by name) at the app's root. */
function iconSprite(): Plugin {
  return {
    name: 'ipk-webapp2-icon-sprite',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'icons.svg', source: webapp2IconSprite() });
    },
  };
}

// The app is served by the mock node (and by a Conferencing Node) under /webapp2/, and plugins
// fetch `./custom_configuration/...` relative to the document, so every asset URL is built from
// that base. `public/app.css` is copied un-hashed: plugins link `/webapp2/app.css` by name.
export default defineConfig({
  base: '/webapp2/',
  plugins: [iconSprite()],
  // @pexip/infinity (under @ipk/host-runtime) publishes only a `module` entry with extension-less
  // ESM imports; the app's unit tests import the runtime, so Vitest must resolve it like a bundler.
  resolve: { mainFields: ['browser', 'module', 'main'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    server: { deps: { inline: [/@pexip\//] } },
    // A bound that catches a hang, not a speed limit: a test joins the app to a mock node over
    // HTTP, several times slower on a loaded 2-core CI machine than here.
    testTimeout: 30_000,
  },
});
