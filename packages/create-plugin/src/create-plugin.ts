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
  const files = await formatRenderedFiles(
    await renderPluginTemplate({ ...names, placement, description }),
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

async function writeFiles(dir: string, files: readonly RenderedFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
}
