import { fileURLToPath } from 'node:url';

/** The e2e workspace folder. */
export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The monorepo root. */
export const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The global setup builds the branding into a fresh temporary folder and names it here for the
 * workers (Playwright passes the runner's environment on to them).
 */
export const BRANDING_DIR_ENV = 'IPK_E2E_BRANDING_DIR';
export const FIXTURE_PLUGINS_DIR = fileURLToPath(new URL('../fixtures/plugins', import.meta.url));
/** The plugins the global setup packaged (`[{id, name}]` as JSON), for the specs to check theirs is there. */
export const BRANDING_PLUGINS_ENV = 'IPK_E2E_BRANDING_PLUGINS';
/** A real conference as the global setup found it (JSON `ConferenceState`): what tests put back. */
export const BASELINE_ENV = 'IPK_E2E_CONFERENCE_BASELINE';
