import { statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';
import ts from 'typescript';

/** One TypeScript error in a plugin's sources, as `tsc` reports it. */
export interface TypeCheckError {
  /** Relative to the plugin folder (`src/hello-plugin.ts`); empty for errors in no file (options). */
  readonly file: string;
  /** 1-based, 0 when the error is in no file. */
  readonly line: number;
  /** 1-based, 0 when the error is in no file. */
  readonly column: number;
  /** `TS2551` */
  readonly code: string;
  readonly message: string;
  /** The source line with a caret under the error, when there is one. */
  readonly frame?: string;
}

/** Type-checks one plugin; `check()` may be called again after a change (it reuses what it can). */
export interface TypeChecker {
  check(): Promise<readonly TypeCheckError[]>;
}

export interface TypeCheckTarget {
  /** The plugin workspace folder, holding its `tsconfig.json`. */
  readonly root: string;
  /** The absolute path of the entry (`src/index.ts`): the check covers it and what it imports. */
  readonly input: string;
}

/**
 * Source files by path, parse settings and modification time, shared by every checker in this
 * process: the DOM and ES lib files are most of a check's parse time, and the dev server checks
 * several plugins with the same ones. (A LanguageService's document registry shares them the same way.)
 */
const sourceFiles = new Map<string, { readonly mtimeMs: number; readonly file: ts.SourceFile }>();

/**
 * A checker for one plugin with `tsc`'s rules: the plugin's own `tsconfig.json`, its entry and
 * every file the entry imports (test files are the `typecheck` task's). Incremental: a second
 * `check()` re-checks only what changed since the first (tens of milliseconds after one save,
 * against ~2 s cold; see the dev-server README).
 */
export function createTypeChecker(target: TypeCheckTarget): TypeChecker {
  let builder: ts.SemanticDiagnosticsBuilderProgram | undefined;
  return {
    // Synchronous work in an async function: TypeScript's API has no asynchronous form.
    async check() {
      const config = readTsconfig(path.join(target.root, 'tsconfig.json'));
      if (Array.isArray(config)) return config;
      // Declaration files (dependencies', lib) are not the plugin's code: the typecheck task has them.
      const options = { ...config, noEmit: true, skipLibCheck: true };
      builder = ts.createSemanticDiagnosticsBuilderProgram(
        [target.input],
        options,
        cachingHost(options),
        builder,
      );
      return [
        ...builder.getOptionsDiagnostics(),
        ...builder.getGlobalDiagnostics(),
        ...builder.getSyntacticDiagnostics(),
        ...builder.getSemanticDiagnostics(),
      ]
        .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
        .map((diagnostic) => toTypeCheckError(diagnostic, target.root));
    },
  };
}

/** The compiler options, or the errors that keep the tsconfig from giving them. */
function readTsconfig(configFile: string): ts.CompilerOptions | TypeCheckError[] {
  const problems: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => problems.push(diagnostic),
  });
  const errors = [...problems, ...(parsed?.errors ?? [])].filter(
    // "No inputs were found": the check names its entry itself; `include` is the typecheck task's.
    (diagnostic) => diagnostic.code !== 18003,
  );
  if (parsed === undefined || errors.length > 0) {
    const folder = path.dirname(configFile);
    return errors.map((diagnostic) => toTypeCheckError(diagnostic, folder));
  }
  return parsed.options;
}

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createIncrementalCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, settings, onError, createNew) => {
    const mtimeMs = statSync(fileName, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return read(fileName, settings, onError, createNew);
    const key = `${fileName}\0${JSON.stringify(settings)}`;
    const cached = sourceFiles.get(key);
    if (cached !== undefined && cached.mtimeMs === mtimeMs && createNew !== true)
      return cached.file;
    const file = read(fileName, settings, onError, createNew);
    if (file === undefined) return undefined;
    // The builder program compares versions to find what changed since the last check.
    (file as ts.SourceFile & { version: string }).version = String(mtimeMs);
    sourceFiles.set(key, { mtimeMs, file });
    return file;
  };
  return host;
}

function toTypeCheckError(diagnostic: ts.Diagnostic, root: string): TypeCheckError {
  const code = `TS${diagnostic.code}`;
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const { file, start } = diagnostic;
  if (file === undefined || start === undefined) {
    return { file: '', line: 0, column: 0, code, message };
  }
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  const text = file.text.split(/\r?\n/)[line] ?? '';
  const gutter = `${line + 1} | `;
  const frame = `${gutter}${text}\n${' '.repeat(gutter.length - 2)}| ${' '.repeat(character)}^`;
  return {
    file: path.relative(root, file.fileName).split(path.sep).join('/'),
    line: line + 1,
    column: character + 1,
    code,
    message,
    frame,
  };
}

/** How many errors a failed build lists before "and N more" (the rest: `npm run typecheck`). */
const SHOWN_ERRORS = 10;

/** `src/a.ts:3:7 TS2322 Type 'string' is not assignable to type 'number'.` and its frame. */
export function formatTypeCheckErrors(errors: readonly TypeCheckError[]): string {
  const shown = errors.slice(0, SHOWN_ERRORS).map((error) => {
    const where =
      error.file === '' ? 'tsconfig.json' : `${error.file}:${error.line}:${error.column}`;
    const head = `${where} ${error.code} ${error.message}`;
    return error.frame === undefined ? head : `${head}\n${error.frame}`;
  });
  const more = errors.length - shown.length;
  return [
    ...shown,
    ...(more > 0 ? [`… and ${more} more (npm run typecheck lists them all)`] : []),
  ].join('\n\n');
}

/** `hello: 2 type errors:` and the errors: what the build and the dev server's overlay say. */
export function describeTypeErrors(name: string, errors: readonly TypeCheckError[]): string {
  const count = errors.length === 1 ? 'a type error' : `${errors.length} type errors`;
  return `${name}: ${count}:\n${formatTypeCheckErrors(errors)}`;
}

/**
 * The build's type check (esbuild only strips types): starts when the build starts, and fails it
 * before any file is written when the plugin does not type-check, with `tsc`'s messages and
 * positions. A syntax error already reported by the transform is not repeated.
 */
export function typeCheck(name: string, checker: TypeChecker): Plugin {
  let pending: Promise<readonly TypeCheckError[]> | undefined;
  return {
    name: 'ipk-type-check',
    buildStart() {
      pending = checker.check();
      // Awaited in buildEnd; a build that failed before then must not leave it unhandled.
      pending.catch(() => undefined);
    },
    async buildEnd(error) {
      const result = pending;
      pending = undefined;
      if (error !== undefined || result === undefined) return;
      const errors = await result;
      if (errors.length === 0) return;
      // No stack: the message is the whole story, and Rollup's CLI would print the stack after it.
      this.error({ message: describeTypeErrors(name, errors), stack: '' });
    },
  };
}
