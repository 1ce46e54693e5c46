/** What a validator reports: every issue names the file, the JSON pointer and a plain sentence. */

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
  /** `error`: the real app would not load the plugin. `warning`: the seed frowns on it, real plugins ship it. */
  severity: IssueSeverity;
  file: string;
  /** RFC 6901 JSON pointer to the offending value (`""` = the whole document). */
  pointer: string;
  message: string;
  /** 1-based, when the text is known. */
  line?: number;
  /** 1-based, when the text is known. */
  column?: number;
}

export interface ValidationResult<T> {
  /** No errors (warnings allowed). */
  ok: boolean;
  /** The value, typed, when `ok`. */
  value: T | undefined;
  issues: ValidationIssue[];
}

/**
 * One line per issue, in the `file:line:column severity pointer: message` form editors and CI
 * logs link to, e.g.
 * `plugins/rec/rec.plugin.package.json:12:5 error /menuItems: menuItems may have only one of ...`.
 */
export function formatIssue(issue: ValidationIssue): string {
  const position =
    issue.line === undefined
      ? ''
      : `:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  const pointer = issue.pointer === '' ? '(root)' : issue.pointer;
  return `${issue.file}${position} ${issue.severity} ${pointer}: ${issue.message}`;
}
