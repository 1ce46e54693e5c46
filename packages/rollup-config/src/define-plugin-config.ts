import { realpathSync } from 'node:fs';
import path from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserModule from '@rollup/plugin-terser';
import type { Plugin, RollupOptions } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { ipkPluginFiles, type BundleSize } from './ipk-plugin-files.js';
import { readPluginLayout } from './plugin-layout.js';
import { createTypeChecker, typeCheck, type TypeChecker } from './type-check.js';

// @rollup/plugin-terser's types are CommonJS-style (`export default` in a CJS .d.ts), so under
// NodeNext TypeScript sees the namespace; at run time Node's ESM import gives the function itself.
const terser = terserModule as unknown as typeof terserModule.default;

export interface PluginConfigOptions {
  /** The plugin workspace folder. Default: the current directory (where `npm run build` runs). */
  readonly root?: string;
  /** The TypeScript entry, relative to `root`. Default: `src/index.ts`. */
  readonly input?: string;
  /** Minify with terser. Default: `true` (turn off to read the bundle while debugging). */
  readonly minify?: boolean;
  /** Receives each bundle's size; the default prints `<file>: x KiB minified, y KiB gzipped`. */
  readonly onBundleSize?: (size: BundleSize) => void;
  /**
   * Type-check the plugin's sources with its tsconfig (`tsc`'s errors fail the build). Default
   * `true`; a long-lived `TypeChecker` (the dev server's) re-checks only what changed.
   */
  readonly typeCheck?: boolean | TypeChecker;
}

/**
 * The syntax level the bundle is lowered to. webapp2 itself targets evergreen browsers and the
 * Electron/mobile shells of the same era; ES2020 keeps `?.` and `??` without transpiling them away.
 */
const BUNDLE_TARGET = 'es2020';

/**
 * The Rollup configuration of one webapp2 plugin: `src/index.ts` → `dist/<name>.plugin.js`, one
 * minified classic-script IIFE with a source map, plus the validated package file and the
 * optimised icons. Use it as the whole of a plugin's `rollup.config.js`:
 *
 * ```js
 * import definePluginConfig from '@ipk/rollup-config';
 * export default definePluginConfig();
 * ```
 */
export async function definePluginConfig(
  options: PluginConfigOptions = {},
): Promise<RollupOptions> {
  const root = path.resolve(options.root ?? process.cwd());
  const layout = await readPluginLayout(root, options.input);
  const filesOptions = options.onBundleSize ? { onBundleSize: options.onBundleSize } : {};
  const typeCheckOption = options.typeCheck ?? true;
  const checker =
    typeCheckOption === true ? createTypeChecker({ root, input: layout.input }) : typeCheckOption;
  return {
    input: layout.input,
    plugins: [
      // 'es2015': RxJS 7's ES2015 build, not its ES5 one (bigger, slower). 'production': Lit's
      // production build even under Vitest, where NODE_ENV=test would otherwise pull in Lit's dev
      // build (extra globals).
      nodeResolve({ browser: true, exportConditions: ['es2015', 'production'] }),
      transpileTypeScript(root),
      ...(checker === false ? [] : [typeCheck(layout.name, checker)]),
      ipkPluginFiles(layout, filesOptions),
    ],
    output: {
      dir: layout.outDir,
      // webapp2 evaluates a plugin as a classic script (Pexip plugin guide, "Plugin source file":
      // "place the body of your source inside an IIFE so as to not pollute the global namespace").
      format: 'iife',
      entryFileNames: layout.bundleFileName,
      sourcemap: true,
      plugins:
        options.minify === false ? [] : [terser({ ecma: 2020, format: { comments: false } })],
    },
    // One file per plugin: a dynamic import() would need a module loader webapp2 does not have.
    preserveEntrySignatures: false,
  };
}

/**
 * esbuild strips types (0.7 s against 2.5 s for @rollup/plugin-typescript, see README and
 * `npm run bench`); the type check is its own step (`type-check.ts`). Only the plugin's own files
 * are transformed: a dependency goes in as published, whether it comes from `node_modules` or,
 * inside the kit, from a workspace folder, so the kit and an ejected copy build the same bytes.
 */
function transpileTypeScript(root: string): Plugin {
  return esbuild({
    target: BUNDLE_TARGET,
    tsconfig: path.join(root, 'tsconfig.json'),
    sourceMap: true,
    exclude: [/\/node_modules\//, outside(root)],
  });
}

/** Matches a module id (with `/` separators, as the filter sees it) that is not inside `dir`. */
function outside(dir: string): RegExp {
  // Rollup's ids are real paths (symlinks resolved), so the folder is compared as one too.
  const prefix = `${realpathSync(dir).split(path.sep).join('/')}/`;
  return new RegExp(`^(?!${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`);
}
