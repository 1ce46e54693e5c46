import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBranding, formatCheckReport } from '@ipk/branding';
import { BRANDING_OUT_DIR, E2E_DIR, FIXTURE_PLUGINS_DIR, REPO_DIR } from './paths.js';

interface PluginWorkspace {
  readonly dir: string;
  readonly built: boolean;
}

/** `plugins/*` workspaces with an `ipkPlugin` field, and whether their `dist/` holds the package file. */
function pluginWorkspaces(): PluginWorkspace[] {
  const pluginsDir = join(REPO_DIR, 'plugins');
  return readdirSync(pluginsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(pluginsDir, entry.name);
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath)) return [];
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        ipkPlugin?: { packageFile?: unknown };
      };
      const packageFile = manifest.ipkPlugin?.packageFile;
      if (typeof packageFile !== 'string') return [];
      return [{ dir, built: existsSync(join(dir, 'dist', packageFile)) }];
    });
}

function fixturePluginDirs(): string[] {
  return readdirSync(FIXTURE_PLUGINS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(FIXTURE_PLUGINS_DIR, entry.name));
}

/**
 * Builds `.branding/` from every built plugin plus the suite's fixture plugins (a broken one and a
 * platform-limited one), exactly as `ipk-branding build` would: what the tests load is what would
 * be uploaded. A plugin that is not built is left out with a note rather than failing the run, so
 * a plugin still being written does not stop everyone else's tests (its own spec then fails).
 */
export default async function globalSetup(): Promise<void> {
  const workspaces = pluginWorkspaces();
  for (const workspace of workspaces.filter((candidate) => !candidate.built)) {
    console.warn(
      `[e2e] ${workspace.dir} is not built: left out of the branding (add it to e2e/package.json devDependencies so turbo builds it first)`,
    );
  }
  const result = await buildBranding({
    cwd: E2E_DIR,
    pluginDirs: [
      ...workspaces.filter((workspace) => workspace.built).map((workspace) => workspace.dir),
      ...fixturePluginDirs(),
    ],
    outDir: BRANDING_OUT_DIR,
    zipFile: join(BRANDING_OUT_DIR, '..', '.branding.zip'),
  });
  if (!result.ok) {
    throw new Error(`[e2e] the branding package did not build:\n${formatCheckReport(result.check, BRANDING_OUT_DIR)}`);
  }
  console.log(
    `[e2e] branding ${result.brandingID}: ${result.plugins.map((plugin) => plugin.name).join(', ')}`,
  );
}
