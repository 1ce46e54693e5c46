import { parseLocatedJson, type TextPosition, type ValidationIssue } from '@ipk/plugin-api';

/** A parsed JSON file with the place of every JSON pointer, for issues the validators do not raise. */
export interface LocatedFile {
  readonly file: string;
  readonly value: unknown;
  readonly positions: ReadonlyMap<string, TextPosition>;
}

/** The file parsed with positions, or `undefined` when it is not JSON (the validator says why). */
export function locateJson(text: string, file: string): LocatedFile | undefined {
  const parsed = parseLocatedJson(text, file);
  return parsed.value === undefined
    ? undefined
    : { file, value: parsed.value.value, positions: parsed.value.positions };
}

/** The issue with the line and column of its pointer (or of the nearest parent that has one). */
export function issueAt(located: LocatedFile | undefined, issue: ValidationIssue): ValidationIssue {
  if (!located || issue.line !== undefined) return issue;
  for (let pointer = issue.pointer; ; pointer = pointer.slice(0, pointer.lastIndexOf('/'))) {
    const position = located.positions.get(pointer);
    if (position) return { ...issue, line: position.line, column: position.column };
    if (pointer === '') return issue;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
