import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './command-line.js';

async function parse(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const result = await parseCommandLine(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { result, out: out.join(''), err: err.join('') };
}

describe('ipk-dev command line', () => {
  it('serves with `start` when no command is given', async () => {
    expect((await parse()).result).toEqual({
      mode: 'start',
      host: '127.0.0.1',
      simulate: true,
      allowHost: [],
    });
  });

  it('reads every option of dev', async () => {
    const { result } = await parse(
      'dev',
      '--port',
      '9000',
      '--host',
      '0.0.0.0',
      '--no-simulate',
      '--upstream',
      'https://node.example.com',
      '--allow-host',
      'devbox.local',
      '--allow-host',
      'devbox.lan',
      '--verbose',
    );
    expect(result).toEqual({
      mode: 'dev',
      port: 9000,
      host: '0.0.0.0',
      simulate: false,
      upstream: 'https://node.example.com',
      allowHost: ['devbox.local', 'devbox.lan'],
      verbose: true,
    });
  });

  it.each(['start', 'dev'])('gives `%s` its own --help, naming --upstream', async (mode) => {
    const { result, out } = await parse(mode, '--help');
    expect(result).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: ipk-dev ${mode} \\[options\\]`));
    expect(out).toContain('--upstream <url>');
    expect(out).toContain('--verbose');
  });

  it('lists both commands in the top-level help', async () => {
    const { result, out } = await parse('--help');
    expect(result).toBe(0);
    expect(out).toMatch(/start \[options\] +serve the host app/);
    expect(out).toMatch(/dev \[options\] +the same, and rebuild a plugin/);
  });

  it('suggests the option meant by a misspelt one, and exits 2', async () => {
    const { result, err } = await parse('dev', '--upstrem', 'https://node.example.com');
    expect(result).toBe(2);
    expect(err).toContain("error: unknown option '--upstrem'");
    expect(err).toContain('(Did you mean --upstream?)');
  });

  it('refuses a port that is not one, and exits 2', async () => {
    const { result, err } = await parse('start', '--port', 'eighty');
    expect(result).toBe(2);
    expect(err).toContain('a port is a number from 0 to 65535');
  });
});
