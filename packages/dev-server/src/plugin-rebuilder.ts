import { definePluginConfig, type TypeChecker, type TypeCheckError } from '@ipk/rollup-config';
import path from 'node:path';
import { rollup, type RollupCache, type RollupError } from 'rollup';

export type RebuildOutcome =
  | { readonly ok: true; readonly ms: number }
  | { readonly ok: false; readonly ms: number; readonly message: string };

/**
 * Rebuilds one plugin workspace into its `dist/` with the plugin's own configuration
 * (`@ipk/rollup-config`: same checks as `npm run build`), keeping Rollup's module cache between
 * builds. Unminified: terser is most of a build's time and the dev loop wants speed; `npm start`
 * and `npm run build` ship the minified file. A failed build writes nothing (the checks run in
 * `generateBundle`, before any file is written), so the last good build stays in `dist/`.
 * The type check is not part of this build: it is the given long-lived checker's (incremental,
 * on its own thread), which the dev server runs beside the build and reports when it is done.
 */
export class PluginRebuilder {
  private cache: RollupCache | undefined;

  constructor(
    readonly root: string,
    private readonly typeChecker?: TypeChecker,
  ) {}

  get name(): string {
    return path.basename(this.root);
  }

  /** Type-checks the plugin's sources as they are now; undefined without a checker. */
  typeCheck(): Promise<readonly TypeCheckError[]> | undefined {
    return this.typeChecker?.check();
  }

  async rebuild(): Promise<RebuildOutcome> {
    const started = performance.now();
    try {
      const config = await definePluginConfig({
        root: this.root,
        minify: false,
        onBundleSize: () => undefined,
        typeCheck: false,
      });
      const bundle = await rollup({ ...config, cache: this.cache, onLog: () => undefined });
      try {
        this.cache = bundle.cache;
        const output = Array.isArray(config.output) ? config.output[0] : config.output;
        await bundle.write(output ?? {});
      } finally {
        await bundle.close();
      }
      return { ok: true, ms: performance.now() - started };
    } catch (error) {
      return { ok: false, ms: performance.now() - started, message: describeBuildError(error) };
    }
  }
}

/** Rollup's message with the file, line and code frame when it has them. */
export function describeBuildError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const rollupError = error as RollupError;
  const where = rollupError.loc
    ? `${rollupError.loc.file ?? rollupError.id ?? ''}:${rollupError.loc.line}:${rollupError.loc.column}\n`
    : rollupError.id
      ? `${rollupError.id}\n`
      : '';
  const frame = rollupError.frame ? `\n${rollupError.frame}` : '';
  return `${where}${error.message}${frame}`;
}
