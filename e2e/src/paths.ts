import { fileURLToPath } from 'node:url';

/** The e2e workspace folder. */
export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The monorepo root. */
export const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** What the global setup builds and every worker's mock node serves. */
export const BRANDING_OUT_DIR = fileURLToPath(new URL('../.branding', import.meta.url));
export const BRANDING_WEBAPP2_DIR = fileURLToPath(new URL('../.branding/webapp2', import.meta.url));
export const FIXTURE_PLUGINS_DIR = fileURLToPath(new URL('../fixtures/plugins', import.meta.url));
