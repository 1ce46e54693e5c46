import { readBrandingSource } from './branding-source.js';
import {
  checkBrandingFiles,
  type CheckOptions,
  type CheckReport,
  type PreviousBrandingId,
} from './check-branding.js';
import { brandingIdOf } from './merge-branding-json.js';

export interface CheckPathOptions extends Omit<CheckOptions, 'previous'> {
  /** Packages (ZIP or folder) uploaded before, or brandingIDs: this package's brandingID must differ. */
  previous?: string[];
}

/** Checks a branding folder (`dist/branding`, `dist/branding/webapp2`) or ZIP. */
export async function checkBranding(
  path: string,
  options: CheckPathOptions = {},
): Promise<CheckReport> {
  const source = await readBrandingSource(path);
  const previous: PreviousBrandingId[] = [];
  for (const entry of options.previous ?? []) {
    if (/^\d+$/.test(entry)) {
      previous.push({ id: entry, source: '--previous' });
      continue;
    }
    const earlier = await readBrandingSource(entry);
    const text = earlier.files.get(`${earlier.webapp2Prefix}manifest.json`);
    const id = brandingIdOf(text === undefined ? undefined : new TextDecoder().decode(text));
    if (id === undefined)
      throw new Error(`--previous ${entry}: has no readable manifest.json brandingID`);
    previous.push({ id: String(id), source: entry });
  }
  const { previous: _ignored, ...rest } = options;
  return checkBrandingFiles(source.files, source.webapp2Prefix, { ...rest, previous });
}
