import { describe, expect, it } from 'vitest';
import { parseJson, parseLocatedJson } from './parse-json.js';

function syntaxIssue(text: string) {
  const result = parseJson(text, 'settings.json');
  expect(result.ok).toBe(false);
  expect(result.value).toBeUndefined();
  expect(result.issues).toHaveLength(1);
  const [issue] = result.issues;
  return issue;
}

describe('parseJson', () => {
  const valid = [
    '{}',
    '[]',
    '0',
    '-0.5e+10',
    '"\\u00e9\\n\\t\\"\\\\\\/"',
    'null',
    ' {"a": [1, 2.5, true, false, null, {"b": "c"}], "": ""} ',
    '{"a": 1, "a": 2}',
    '"😀 \\ud83d\\ude00"',
    '[[[[[]]]]]',
  ];

  it.each(valid)('reads %s exactly as JSON.parse does', (text) => {
    const result = parseJson(text, 'x.json');
    expect(result).toEqual({ ok: true, value: JSON.parse(text), issues: [] });
  });

  it('reads every value JSON.stringify writes, the same as JSON.parse', () => {
    const values: unknown[] = [
      {
        id: 'recording-plugin-1.0',
        version: 1.0,
        list: [1e21, -1e-7, 0.1],
        nested: { deep: [{}, []] },
      },
      [
        'tab\there',
        'line\nbreak',
        'quote"',
        'back\\slash',
        '\u0001control',
        '\u2028separator',
        'é',
      ],
      { ['key with "quotes"']: 'and /slashes/', ['~tilde']: null },
    ];
    for (const value of values) {
      for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        expect(parseJson(text, 'x.json').value).toEqual(JSON.parse(text));
      }
    }
  });

  it('accepts and refuses exactly what JSON.parse does, over thousands of damaged package files', () => {
    // A seeded generator: the same damaged texts on every run, so a failure can be replayed.
    let seed = 19;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const base = JSON.stringify(
      { id: 'a', version: 1.5e-3, list: [true, false, null, -0], text: 'é\\"\u0001', o: {} },
      null,
      1,
    );
    const alphabet = ' \t\n\r\v\f\u00a0\u2028{}[]:,"\'\\/*-+.0123456789eEtrufalsnu\u0000';
    const disagreements: string[] = [];
    let refused = 0;
    for (let round = 0; round < 3000; round += 1) {
      let text = base;
      for (let edit = 0; edit <= random(3); edit += 1) {
        const at = random(text.length + 1);
        const char = alphabet[random(alphabet.length)] ?? '';
        const remove = random(3);
        text = text.slice(0, at) + (remove === 2 ? '' : char) + text.slice(at + remove);
      }
      let expected: string | undefined;
      try {
        expected = JSON.stringify(JSON.parse(text));
      } catch {
        refused += 1;
      }
      const result = parseJson(text, 'x.json');
      const actual = result.ok ? JSON.stringify(result.value) : undefined;
      if (actual !== expected) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
    expect(refused).toBeGreaterThan(1000);
  });

  it('accepts a UTF-8 byte order mark, as the browser does when fetching JSON', () => {
    expect(parseJson('\ufeff{"a": 1}', 'x.json').value).toEqual({ a: 1 });
  });

  it('keeps a "__proto__" key as an own property without touching prototypes', () => {
    const value = parseJson('{"__proto__": {"polluted": true}}', 'x.json').value as Record<
      string,
      unknown
    >;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  const invalid: Array<[string, string, number, number, RegExp]> = [
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 3, 1, /trailing commas are not JSON/],
    ['a trailing comma in an array', '[1,\n 2,\n ]', 3, 2, /trailing commas are not JSON/],
    ['single quotes', "{\n  'id': 1\n}", 2, 3, /double quotes/],
    ['a comment', '{\n  // plugins\n  "a": 1\n}', 2, 3, /JSON has no comments/],
    ['a missing colon', '{"a" 1}', 1, 6, /expected ':' after the property name "a"/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected ',' or '}'/],
    ['an empty file', '', 1, 1, /found the end of the file/],
    ['an unterminated object', '{"a": 1', 1, 8, /found the end of the file/],
    ['text after the value', '{} {}', 1, 4, /the end of the file after the value/],
    ['an unterminated string', '{"a": "b}', 1, 7, /unterminated string/],
    ['a raw line break in a string', '["a\nb"]', 1, 4, /raw control character/],
    ['a bad escape', '["a\\x"]', 1, 4, /invalid escape "\\x"/],
    ['a bare word', '{"a": yes}', 1, 7, /expected a value/],
    ['a leading zero', '[01]', 1, 3, /expected ',' or ']'/],
    ['NaN', '[NaN]', 1, 2, /expected a value/],
  ];

  it.each(invalid)('reports %s with its line and column', (_, text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const issue = syntaxIssue(text);
    expect(issue).toMatchObject({
      severity: 'error',
      file: 'settings.json',
      pointer: '',
      line,
      column,
    });
    expect(issue?.message).toMatch(/^invalid JSON: /);
    expect(issue?.message).toMatch(message);
  });

  it('refuses absurdly deep nesting with an issue instead of a stack overflow', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(syntaxIssue(text)).toMatchObject({ line: 1, column: 513 });
    expect(parseJson('['.repeat(512) + ']'.repeat(512), 'x.json').ok).toBe(true);
  });

  it('counts columns from 1 after CRLF line ends', () => {
    expect(syntaxIssue('{\r\n  "a": 1,\r\n}')).toMatchObject({ line: 3, column: 1 });
  });
});

describe('parseLocatedJson', () => {
  it('records where each member key and array element starts, by JSON pointer', () => {
    const text =
      '{\n  "menuItems": {\n    "toolbar": [\n      {"action": "go"}\n    ]\n  },\n  "a/b~c": 1\n}';
    const positions = parseLocatedJson(text, 'p.json').value?.positions;
    expect(positions?.get('')).toEqual({ line: 1, column: 1 });
    expect(positions?.get('/menuItems')).toEqual({ line: 2, column: 3 });
    expect(positions?.get('/menuItems/toolbar')).toEqual({ line: 3, column: 5 });
    expect(positions?.get('/menuItems/toolbar/0')).toEqual({ line: 4, column: 7 });
    expect(positions?.get('/menuItems/toolbar/0/action')).toEqual({ line: 4, column: 8 });
    expect(positions?.get('/a~1b~0c')).toEqual({ line: 7, column: 3 });
  });
});
