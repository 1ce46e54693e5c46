/**
 * A strict JSON parser that remembers where each value sits, so issues can carry `line:column`.
 *
 * `JSON.parse` accepts the same texts but reports syntax errors differently in every engine and
 * does not tell where a value is; this parser does both, in a few hundred lines and with no
 * dependency, so the browser host can run it.
 */
import type { ValidationResult } from './validation-issue.js';

/** A 1-based position in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A parsed document: the value and where every JSON pointer starts (object members: at the key). */
export interface LocatedJson {
  value: unknown;
  positions: Map<string, TextPosition>;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WHITESPACE = /[ \n\r\t]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A JSON string: no raw control characters (U+0000 to U+001F), only JSON's escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Deeper documents are refused with an issue instead of overflowing the call stack. */
export const MAX_JSON_DEPTH = 512;

class LocatingParser {
  private offset = 0;
  private depth = 0;
  readonly positions = new Map<string, TextPosition>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i += 1) {
      if (text[i] === '\n') this.lineStarts.push(i + 1);
    }
    // Response.json() in the browser drops a UTF-8 byte order mark, so webapp2 accepts one.
    if (text.charCodeAt(0) === 0xfeff) this.offset = 1;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    const value = this.parseValue('');
    this.skipWhitespace();
    if (this.offset < this.text.length) {
      throw this.unexpected('the end of the file after the value');
    }
    return value;
  }

  positionOf(offset: number): TextPosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  private parseValue(pointer: string): unknown {
    if (!this.positions.has(pointer)) this.positions.set(pointer, this.positionOf(this.offset));
    const char = this.text[this.offset];
    if (char === '{' || char === '[') return this.parseContainer(char, pointer);
    if (char === '"') return this.parseString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9'))
      return this.parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.offset)) {
        this.offset += word.length;
        return value;
      }
    }
    throw this.unexpected('a value (object, array, string, number, true, false or null)');
  }

  private parseContainer(open: '{' | '[', pointer: string): unknown {
    if (this.depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(`nesting deeper than ${MAX_JSON_DEPTH} levels`, this.offset);
    }
    const close = open === '{' ? '}' : ']';
    const object: Record<string, unknown> = {};
    const array: unknown[] = [];
    this.depth += 1;
    this.offset += 1;
    this.skipWhitespace();
    if (this.text[this.offset] === close) {
      this.offset += 1;
    } else {
      for (;;) {
        this.skipWhitespace();
        if (open === '{') this.parseMember(object, pointer);
        else if (this.text[this.offset] === ']')
          throw this.unexpected('a value (trailing commas are not JSON)');
        else array.push(this.parseValue(`${pointer}/${array.length}`));
        this.skipWhitespace();
        if (this.text[this.offset] !== ',') break;
        this.offset += 1;
      }
      this.expect(
        close,
        open === '{' ? "',' or '}' after the property value" : "',' or ']' after the array element",
      );
    }
    this.depth -= 1;
    return open === '{' ? object : array;
  }

  private parseMember(object: Record<string, unknown>, pointer: string): void {
    if (this.text[this.offset] !== '"') {
      throw this.unexpected(
        this.text[this.offset] === '}'
          ? 'a property name (trailing commas are not JSON)'
          : 'a property name in double quotes',
      );
    }
    const keyOffset = this.offset;
    const key = this.parseString();
    const memberPointer = `${pointer}/${escapePointerToken(key)}`;
    this.positions.set(memberPointer, this.positionOf(keyOffset));
    this.skipWhitespace();
    this.expect(':', `':' after the property name "${key}"`);
    this.skipWhitespace();
    // defineProperty, not assignment: a key named "__proto__" must stay a plain property.
    Object.defineProperty(object, key, {
      value: this.parseValue(memberPointer),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  private parseString(): string {
    STRING.lastIndex = this.offset;
    const match = STRING.exec(this.text);
    if (match === null) throw this.invalidString();
    this.offset += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match === null) throw this.unexpected('a number');
    this.offset += match[0].length;
    return Number(match[0]);
  }

  private invalidString(): JsonSyntaxError {
    for (let i = this.offset + 1; i < this.text.length; i += 1) {
      const code = this.text.charCodeAt(i);
      if (this.text[i] === '"') break;
      if (code < 0x20) {
        return new JsonSyntaxError(
          'unterminated string or raw control character (write \\n, \\t) in a string',
          i,
        );
      }
      if (this.text[i] === '\\') {
        const escaped = this.text[i + 1] ?? '';
        if (!/["\\/bfnrtu]/.test(escaped)) {
          return new JsonSyntaxError(`invalid escape "\\${escaped}" in a string`, i);
        }
        i += 1;
      }
    }
    if (!this.text.includes('"', this.offset + 1)) {
      return new JsonSyntaxError('unterminated string', this.offset);
    }
    return new JsonSyntaxError('invalid \\u escape in a string', this.offset);
  }

  private expect(char: string, what: string): void {
    if (this.text[this.offset] !== char) throw this.unexpected(what);
    this.offset += 1;
  }

  private unexpected(expected: string): JsonSyntaxError {
    const found = this.text[this.offset];
    const foundText = found === undefined ? 'the end of the file' : `'${found}'`;
    const hint =
      found === "'"
        ? ' (JSON strings use double quotes)'
        : found === '/'
          ? ' (JSON has no comments)'
          : '';
    return new JsonSyntaxError(`expected ${expected}, found ${foundText}${hint}`, this.offset);
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.offset;
    WHITESPACE.test(this.text);
    this.offset = WHITESPACE.lastIndex;
  }
}

/** Parses JSON and records the position of every JSON pointer; throws nothing, reports a syntax error as an issue. */
export function parseLocatedJson(text: string, file: string): ValidationResult<LocatedJson> {
  const parser = new LocatingParser(text);
  try {
    const value = parser.parseDocument();
    return { ok: true, value: { value, positions: parser.positions }, issues: [] };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = parser.positionOf(error.offset);
    return {
      ok: false,
      value: undefined,
      issues: [
        {
          severity: 'error',
          file,
          pointer: '',
          message: `invalid JSON: ${error.message}`,
          line,
          column,
        },
      ],
    };
  }
}

/**
 * Parses JSON text. A syntax error becomes one issue with `line` and `column` (1-based) and a
 * sentence saying what was expected.
 */
export function parseJson(text: string, file: string): ValidationResult<unknown> {
  const parsed = parseLocatedJson(text, file);
  return { ok: parsed.ok, value: parsed.value?.value, issues: parsed.issues };
}
