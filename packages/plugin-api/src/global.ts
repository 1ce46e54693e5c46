/**
 * `import '@ipk/plugin-api/global'` (or `"types": ["@ipk/plugin-api/global"]` in tsconfig) makes
 * `PEX` and `window.PEX` known to a plugin source, so `PEX.pluginAPI.registerPlugin(...)` type-checks.
 */
import type { PexGlobal } from './pex.js';

declare global {
  interface Window {
    PEX: PexGlobal;
  }
  // `var` (not let/const) is what declares a property of globalThis.
  var PEX: PexGlobal;
}

export type { PexGlobal };
