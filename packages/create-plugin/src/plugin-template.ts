import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEMENT_TEXT, type Placement, type PluginNames } from './plugin-names.js';

/**
 * The template is real files (`template/`), not strings in code: they are the files of a working
 * plugin with `__token__`s, linted and formatted with the repo, and a test compares the shared
 * ones (tsconfig, Rollup and Vitest configs, scripts, dependency ranges) with every real plugin's.
 * `template/variants/<placement>/` holds what differs per placement (the action and its e2e test).
 */
export const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url));
const VARIANTS_FOLDER = 'variants';

export interface TemplateValues extends PluginNames {
  readonly placement: Placement;
  readonly description: string;
  /** The package file's `$schema`: the path from the plugin folder to the kit's JSON Schema. */
  readonly schema: string;
}

/** One file of the generated plugin: its path (with `/`) relative to the plugin folder. */
export interface RenderedFile {
  readonly path: string;
  readonly text: string;
}

const TOKEN = /__([A-Za-z]+)__/g;

/** The plugin's files: the common template plus the placement's variant, tokens replaced. */
export async function renderPluginTemplate(
  values: TemplateValues,
  templateDir: string = TEMPLATE_DIR,
): Promise<RenderedFile[]> {
  const common = (await listFiles(templateDir)).filter(
    (file) => !file.startsWith(`${VARIANTS_FOLDER}/`),
  );
  const variantDir = path.join(templateDir, VARIANTS_FOLDER, values.placement);
  const variant = await listFiles(variantDir);
  const sources = [
    ...common.map((file) => ({ file, from: path.join(templateDir, file) })),
    ...variant.map((file) => ({ file, from: path.join(variantDir, file) })),
  ];
  return Promise.all(
    sources.map(async ({ file, from }) => ({
      path: replaceTokens(file, values, 'plain'),
      text: replaceTokens(
        await readFile(from, 'utf8'),
        values,
        file.endsWith('.json') ? 'json' : 'plain',
      ),
    })),
  );
}

function tokenValues(values: TemplateValues): Readonly<Record<string, string>> {
  return {
    name: values.name,
    Pascal: values.pascal,
    CONSTANT: values.constant,
    title: values.title,
    id: values.id,
    action: values.action,
    placement: values.placement,
    placementText: PLACEMENT_TEXT[values.placement],
    description: values.description,
    schema: values.schema,
  };
}

/** Replaces every `__token__`; an unknown one is a template bug and throws. */
export function replaceTokens(
  text: string,
  values: TemplateValues,
  escaping: 'json' | 'plain',
): string {
  const table = tokenValues(values);
  return text.replace(TOKEN, (whole, token: string) => {
    const value = table[token];
    if (value === undefined) throw new Error(`unknown template token ${whole}`);
    // JSON strings: a description with quotes or backslashes must not break the file.
    return escaping === 'json' ? JSON.stringify(value).slice(1, -1) : value;
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}
