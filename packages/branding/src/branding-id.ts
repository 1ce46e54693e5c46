/**
 * The seed ("Enabling application branding in the manifest.json file"): `brandingID` must differ from
 * the previously uploaded value or the apps keep their cached branding; the Branding Portal uses a
 * timestamp and "any type of numerical value is valid". We use the current time in milliseconds, but
 * never a value at or below the previous one, so two builds in the same millisecond (or a clock that
 * went backwards) still get distinct, increasing ids.
 */
export function nextBrandingId(
  previous: readonly (string | number | undefined)[],
  now: number = Date.now(),
): string {
  let next = BigInt(Math.floor(now));
  for (const value of previous) {
    const numeric = brandingIdAsBigInt(value);
    if (numeric !== undefined && numeric >= next) next = numeric + 1n;
  }
  return next.toString();
}

/** A `brandingID` as written in a manifest (`"1521829718679"` or `1521829718679`), or `undefined` if not numeric. */
export function brandingIdAsBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return BigInt(value.trim());
  return undefined;
}
