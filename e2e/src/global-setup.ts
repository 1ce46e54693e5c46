import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBranding, formatCheckReport } from '@ipk/branding';
import { BRANDING_DIR_ENV, E2E_DIR, FIXTURE_PLUGINS_DIR, REPO_DIR } from './paths.js';

interface PluginWorkspace {
  readonly name: string;
  readonly dir: string;
  readonly built: boolean;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/**
 * The plugins under test: the `plugins/*` workspaces this package depends on (so turbo builds
 * them before `e2e`), and whether their `dist/` holds the package file.
 */
function pluginWorkspaces(): PluginWorkspace[] {
  const declared = Object.keys(
    (readJson(join(E2E_DIR, 'package.json')).devDependencies ?? {}) as Record<string, string>,
  );
  const pluginsDir = join(REPO_DIR, 'plugins');
  return readdirSync(pluginsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(pluginsDir, entry.name);
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath)) return [];
      const manifest = readJson(manifestPath);
      const packageFile = (manifest.ipkPlugin as { packageFile?: unknown } | undefined)
        ?.packageFile;
      const name = manifest.name;
      if (typeof packageFile !== 'string' || typeof name !== 'string') return [];
      if (!declared.includes(name)) return [];
      return [{ name, dir, built: existsSync(join(dir, 'dist', packageFile)) }];
    });
}

function fixturePluginDirs(): string[] {
  return readdirSync(FIXTURE_PLUGINS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(FIXTURE_PLUGINS_DIR, entry.name));
}

/**
 * Builds a branding folder (in a temporary folder, removed after the run: nothing lands in the
 * tree for lint or git to trip over) from the plugins this package depends on plus the suite's fixture plugins (a
 * broken one and a platform-limited one), exactly as `ipk-branding build` would: what the tests
 * load is what would be uploaded, and a package the check refuses stops the run with its report.
 */
/** The id in `fixtures/plugins/broken/broken.plugin.package.json`. */
const BROKEN_FIXTURE_ID = 'broken-plugin-1.0';

export default async function globalSetup(): Promise<() => void> {
  const workspaces = pluginWorkspaces();
  const unbuilt = workspaces.filter((workspace) => !workspace.built);
  if (unbuilt.length > 0) {
    const names = unbuilt.map((workspace) => workspace.name).join(' ');
    throw new Error(`[e2e] not built: ${names} (run: npx turbo run build --filter=@ipk/e2e...)`);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'ipk-e2e-branding-'));
  const removeOutDir = () => rmSync(outDir, { recursive: true, force: true });
  const result = await buildBranding({
    cwd: E2E_DIR,
    pluginDirs: [...workspaces.map((workspace) => workspace.dir), ...fixturePluginDirs()],
    outDir,
    zipFile: join(outDir, 'branding.zip'),
    // Off until a test switches it on: its failure toast would otherwise cover the phone toolbar
    // in every test for 8 s.
    enable: { [BROKEN_FIXTURE_ID]: false },
  });
  if (!result.ok) {
    removeOutDir();
    const report = formatCheckReport(result.check, 'the e2e branding');
    throw new Error(`[e2e] the branding package did not build:\n${report}`);
  }
  process.env[BRANDING_DIR_ENV] = result.webapp2Dir;
  console.log(
    `[e2e] branding ${result.brandingID}: ${result.plugins.map((plugin) => plugin.name).join(', ')}`,
  );
  return removeOutDir;
}
