import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildBranding,
  discoverWorkspacePlugins,
  formatCheckReport,
  PluginInputError,
} from '@ipk/branding';
import { keeperAccessOf, snapshotConference } from './conference-keeper.js';
import { conferenceDifferences } from './conference-state.js';
import {
  BASELINE_ENV,
  BRANDING_DIR_ENV,
  BRANDING_PLUGINS_ENV,
  E2E_DIR,
  FIXTURE_PLUGINS_DIR,
  REPO_DIR,
} from './paths.js';
import { describeTarget, targetFromEnv, type Target } from './target.js';

function fixturePluginDirs(): string[] {
  return readdirSync(FIXTURE_PLUGINS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(FIXTURE_PLUGINS_DIR, entry.name));
}

/** The id in `fixtures/plugins/broken/broken.plugin.package.json`. */
const BROKEN_FIXTURE_ID = 'broken-plugin-1.0';

/**
 * Builds a branding folder (in a temporary folder, removed after the run: nothing lands in the
 * tree for lint or git to trip over) from **every** plugin workspace (`plugins/*` with an
 * `ipkPlugin` field, found as `npm run package` finds them: no list to keep) plus the suite's
 * fixture plugins, exactly as `ipk-branding build` would: what the tests load is what would be
 * uploaded, and a package the check refuses stops the run with its report.
 */
async function buildBrandingUnderTest(): Promise<{ remove: () => void }> {
  const pluginDirs = await discoverWorkspacePlugins(REPO_DIR);
  const outDir = mkdtempSync(join(tmpdir(), 'ipk-e2e-branding-'));
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  let result: Awaited<ReturnType<typeof buildBranding>>;
  try {
    result = await buildBranding({
      cwd: E2E_DIR,
      pluginDirs: [...pluginDirs, ...fixturePluginDirs()],
      outDir,
      zipFile: join(outDir, 'branding.zip'),
      // Off until a test switches it on: its failure toast would otherwise cover the phone
      // toolbar in every test for 8 s.
      enable: { [BROKEN_FIXTURE_ID]: false },
    });
    if (!result.ok) {
      const report = formatCheckReport(result.check, 'the e2e branding');
      throw new Error(`[e2e] the branding package did not build:\n${report}`);
    }
  } catch (error) {
    remove();
    // "not built (dist/… is missing). Run …": turbo builds every plugin before `e2e`.
    if (error instanceof PluginInputError) {
      throw new Error(`[e2e] ${error.message}`, { cause: error });
    }
    throw error;
  }
  process.env[BRANDING_DIR_ENV] = result.webapp2Dir;
  process.env[BRANDING_PLUGINS_ENV] = JSON.stringify(
    result.plugins.map(({ id, name }) => ({ id, name })),
  );
  console.log(
    `[e2e] branding ${result.brandingID}: ${result.plugins.map((plugin) => plugin.name).join(', ')}`,
  );
  return { remove };
}

/**
 * Against a real conference: joins it once as a host before any test (a wrong URL, alias or PIN
 * stops the run here with the node's answer, not in 70 tests) and records it as found; after the
 * run, reads it again and fails the run if it is not as found.
 */
async function recordRealConference(target: Target): Promise<() => Promise<void>> {
  const access = keeperAccessOf(target);
  let baseline;
  try {
    baseline = await snapshotConference(access);
  } catch (error) {
    throw new Error(
      `[e2e] cannot reach the conference ${describeTarget(target)} as a host: ${(error as Error).message}`,
      { cause: error },
    );
  }
  process.env[BASELINE_ENV] = JSON.stringify(baseline);
  const locked = baseline.locked ? 'locked' : 'unlocked';
  console.log(
    `[e2e] ${describeTarget(target)}: ${locked}, ${baseline.participants.length} participant(s) before the run`,
  );
  return async () => {
    const after = await snapshotConference(access);
    const differences = conferenceDifferences(baseline, after);
    if (differences.length > 0) {
      throw new Error(
        `[e2e] the conference ${describeTarget(target)} was not left as the run found it:\n- ${differences.join('\n- ')}`,
      );
    }
    console.log(`[e2e] the conference is as the run found it (${locked}, same participants)`);
  };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const target = targetFromEnv();
  const branding = await buildBrandingUnderTest();
  let checkConference: (() => Promise<void>) | undefined;
  try {
    if (target.kind === 'upstream') checkConference = await recordRealConference(target);
  } catch (error) {
    branding.remove();
    throw error;
  }
  return async () => {
    try {
      await checkConference?.();
    } finally {
      branding.remove();
    }
  };
}
