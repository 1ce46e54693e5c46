import path from 'node:path';
import type { RenderedFile } from './plugin-template.js';

interface Prettier {
  format(text: string, options: object): Promise<string>;
  resolveConfig(file: string): Promise<object | null>;
  getFileInfo(file: string): Promise<{ inferredParser: string | null }>;
}

/**
 * Token values change line lengths, so the rendered files are formatted with the Prettier of the
 * repo they land in, with its config, when there is one: a new plugin then passes `npm run lint`
 * as it is. Prettier is optional (loaded at run time, not a dependency): without it the files are
 * written as rendered.
 */
export async function formatRenderedFiles(
  files: readonly RenderedFile[],
  dir: string,
): Promise<RenderedFile[]> {
  const prettier = await loadPrettier();
  if (prettier === undefined) return [...files];
  return Promise.all(
    files.map(async (file) => {
      const filepath = path.join(dir, file.path);
      const { inferredParser } = await prettier.getFileInfo(filepath);
      if (inferredParser === null) return file;
      const config = await prettier.resolveConfig(filepath);
      // No Prettier config there (a plugin made outside a repo): keep the template's own style.
      if (config === null) return file;
      return { path: file.path, text: await prettier.format(file.text, { ...config, filepath }) };
    }),
  );
}

async function loadPrettier(): Promise<Prettier | undefined> {
  const name = 'prettier';
  try {
    return (await import(name)) as Prettier;
  } catch {
    return undefined;
  }
}
