import { brandingIdOfSource, readBrandingSource } from './branding-source.js';
import {
  checkBrandingFiles,
  type CheckOptions,
  type CheckReport,
  type PreviousBrandingId,
} from './check-branding.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-archive.js';

export interface CheckPathOptions extends Omit<CheckOptions, 'previous' | 'zipDuplicates'> {
  /** Packages (ZIP or folder) uploaded before, or brandingIDs: this package's brandingID must differ. */
  previous?: string[];
  /** How much a ZIP may expand to (this one and every `previous`). */
  zipLimits?: ZipLimits;
}

/** Checks a branding folder (`dist/branding`, `dist/branding/webapp2`) or ZIP. */
export async function checkBranding(
  path: string,
  options: CheckPathOptions = {},
): Promise<CheckReport> {
  const { previous: previousPaths = [], zipLimits = DEFAULT_ZIP_LIMITS, ...rest } = options;
  const source = await readBrandingSource(path, zipLimits);
  const previous: PreviousBrandingId[] = [];
  for (const entry of previousPaths) {
    if (/^\d+$/.test(entry)) {
      previous.push({ id: entry, source: '--previous' });
      continue;
    }
    const id = await brandingIdOfSource(entry, zipLimits);
    if (id === undefined)
      throw new Error(`--previous ${entry}: has no readable manifest.json brandingID`);
    previous.push({ id: String(id), source: entry });
  }
  return checkBrandingFiles(source.files, source.webapp2Prefix, {
    ...rest,
    previous,
    zipDuplicates: source.duplicates,
  });
}
