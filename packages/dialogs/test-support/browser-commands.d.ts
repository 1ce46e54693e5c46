// Types for the Node-side commands that vitest.config.ts registers for the browser tests.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    buildTestBundle: (version: string, globalName: string) => Promise<string>;
  }
}
