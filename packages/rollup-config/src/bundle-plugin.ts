import { rollup, type OutputChunk, type OutputOptions, type RollupOptions } from 'rollup';
import { definePluginConfig, type PluginConfigOptions } from './define-plugin-config.js';

/** A plugin built in memory: what `dist/<name>.plugin.js` would contain. */
export interface PluginBundle {
  readonly fileName: string;
  readonly code: string;
}

/**
 * Builds a plugin exactly as `rollup -c` does (same checks, same IIFE) without writing `dist/`:
 * for unit tests that load the real bundle into a host (`createPluginHarness({sourceText})`),
 * so they never run against a stale build. Unminified by default, for readable stack traces, and
 * without the type check by default: unit tests test behaviour, and a cold check would add
 * seconds to every test file (the `typecheck` task and `npm run build` check the types).
 */
export async function bundlePlugin(options: PluginConfigOptions = {}): Promise<PluginBundle> {
  const config = await definePluginConfig({
    minify: false,
    onBundleSize: () => undefined,
    typeCheck: false,
    ...options,
  });
  const { fileName, code } = await generateChunk(config);
  return { fileName, code };
}

/** Builds `config` in memory, quietly, and returns the one chunk (`extra`: output options on top). */
export async function generateChunk(
  config: RollupOptions,
  extra: OutputOptions = {},
): Promise<OutputChunk> {
  const bundle = await rollup({ ...config, onLog: () => undefined });
  try {
    const outputOptions = Array.isArray(config.output) ? config.output[0] : config.output;
    const { output } = await bundle.generate({ ...outputOptions, ...extra });
    return output[0];
  } finally {
    await bundle.close();
  }
}
