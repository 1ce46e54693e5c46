import { closestName } from './closest-name.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonObject } from './json-shape.js';
import { escapePointerToken } from './parse-json.js';

/** The undeclared key of `object` that looks like a misspelling of `name`, if any. */
export function misspellingOf(
  object: JsonObject,
  declared: readonly string[],
  name: string,
): string | undefined {
  return Object.keys(object).find(
    (key) => !declared.includes(key) && closestName(key, [name]) !== undefined,
  );
}

/**
 * Warns about each key of `object` that is not in `declared` (webapp2 ignores it), adding "did you
 * mean" when it looks like a misspelt declared key the object lacks. A key already reported (a
 * misspelt required field, an error) is not reported twice.
 */
export function warnAboutUndeclaredKeys(
  object: JsonObject,
  pointer: string,
  declared: readonly string[],
  issues: IssueCollector,
  describe: (key: string) => string,
  only: 'all' | 'misspellings' = 'all',
): void {
  const absent = declared.filter((key) => !Object.hasOwn(object, key));
  for (const key of Object.keys(object)) {
    const keyPointer = `${pointer}/${escapePointerToken(key)}`;
    if (declared.includes(key) || issues.has(keyPointer)) continue;
    const meant = closestName(key, absent);
    if (meant === undefined && only === 'misspellings') continue;
    issues.warning(
      keyPointer,
      meant === undefined ? describe(key) : `${describe(key)}; did you mean "${meant}"?`,
    );
  }
}
