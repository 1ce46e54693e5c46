import type { IssueSeverity, ValidationIssue, ValidationResult } from './validation-issue.js';

/** Gathers the issues of one file; every validator writes through one of these. */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];

  constructor(readonly file: string) {}

  error(pointer: string, message: string): void {
    this.add('error', pointer, message);
  }

  warning(pointer: string, message: string): void {
    this.add('warning', pointer, message);
  }

  /** Whether an issue was already reported at `pointer`. */
  has(pointer: string): boolean {
    return this.issues.some((issue) => issue.pointer === pointer);
  }

  /** The result: `value` is handed back (typed) only when there is no error. */
  result<T>(value: unknown): ValidationResult<T> {
    const ok = !this.issues.some((issue) => issue.severity === 'error');
    return { ok, value: ok ? (value as T) : undefined, issues: this.issues };
  }

  private add(severity: IssueSeverity, pointer: string, message: string): void {
    this.issues.push({ severity, file: this.file, pointer, message });
  }
}
