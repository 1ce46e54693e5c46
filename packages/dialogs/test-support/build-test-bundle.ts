import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** Replaces `src/version.ts` so the bundle believes it is another release of the package. */
function stampVersion(version: string): Plugin {
  return {
    name: 'stamp-version',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[/\\]src[/\\]version\.ts$/ }, () => ({
        contents: `export const COMPONENTS_VERSION = ${JSON.stringify(version)};`,
        loader: 'ts',
      }));
    },
  };
}

/**
 * Builds the package the way a plugin ships it: one minified IIFE with its own copy of Lit,
 * exposing the public API as `window[globalName]`. Returns the code, for a test page to run.
 */
export async function bundlePackageAsIife(version: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    minify: true,
    write: false,
    target: 'es2022',
    plugins: [stampVersion(version)],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the test bundle');
  return output.text;
}

/** Vitest browser command (`commands.buildTestBundle(version, globalName)` in a browser test). */
export async function buildTestBundle(
  _context: unknown,
  version: string,
  globalName: string,
): Promise<string> {
  return bundlePackageAsIife(version, globalName);
}
