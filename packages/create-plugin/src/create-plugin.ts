import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatRenderedFiles } from './format-files.js';
import { PLACEMENT_TEXT, pluginNames, type Placement } from './plugin-names.js';
import { renderPluginTemplate, type RenderedFile } from './plugin-template.js';

export interface CreatePluginOptions {
  /** The plugin's name, e.g. `hello-world` (lower-case words joined by hyphens). */
  readonly name: string;
  /** The `plugins/` folder the plugin is created in. */
  readonly pluginsDir: string;
  /** Where the menu item goes. Default `toolbar`. */
  readonly placement?: Placement;
  /** The package file's `description`. Default: says what the plugin adds where. */
  readonly description?: string;
}

export interface CreatedPlugin {
  readonly dir: string;
  readonly id: string;
  readonly files: readonly string[];
}

/** The plugin folder already exists: nothing was written. */
export class PluginExistsError extends Error {
  override name = 'PluginExistsError';
}

/**
 * Creates `<pluginsDir>/<name>/` from the template. Refuses an invalid name
 * ({@link PluginNameError}) or an existing folder ({@link PluginExistsError}) before writing
 * anything.
 */
export async function createPlugin(options: CreatePluginOptions): Promise<CreatedPlugin> {
  const names = pluginNames(options.name);
  const placement = options.placement ?? 'toolbar';
  const description =
    options.description ??
    `Adds "${names.title}" to the ${PLACEMENT_TEXT[placement]} and says hello.`;
  const dir = path.resolve(options.pluginsDir, names.name);
  const schema = await packageFileSchema(dir);
  const files = await formatRenderedFiles(
    await renderPluginTemplate({ ...names, placement, description, schema }),
    dir,
  );
  await mkdir(path.dirname(dir), { recursive: true });
  try {
    // Not recursive: fails with EEXIST rather than writing into someone's folder.
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new PluginExistsError(`${dir} already exists: choose another name, or remove it first`);
    }
    throw error;
  }
  await writeFiles(dir, files);
  return { dir, id: names.id, files: files.map((file) => file.path) };
}

/** The JSON Schema of webapp2 package files, in `@ipk/plugin-api` (editors complete and check them). */
export const PACKAGE_FILE_SCHEMA =
  'node_modules/@ipk/plugin-api/schemas/plugin-package.schema.json';

/**
 * The package file's `$schema`, relative to the plugin folder: the schema in the nearest
 * `node_modules` above it (`../../node_modules/…` for `plugins/<name>` in the kit), else the
 * plugin's own `node_modules` (a plugin made outside a kit, once it has installed).
 */
async function packageFileSchema(pluginDir: string): Promise<string> {
  for (let dir = path.dirname(pluginDir); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, PACKAGE_FILE_SCHEMA))) {
      return path
        .relative(pluginDir, path.join(dir, PACKAGE_FILE_SCHEMA))
        .split(path.sep)
        .join('/');
    }
    if (path.dirname(dir) === dir) return `./${PACKAGE_FILE_SCHEMA}`;
  }
}

async function writeFiles(dir: string, files: readonly RenderedFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
}
