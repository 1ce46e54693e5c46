import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI until it exits. */
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI, waits for the conference lines, calls `use`, then stops it with SIGTERM. */
function whileRunning(args: string[], use: (output: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let used = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (used || !stdout.includes('/webapp2/conference/lecture')) return;
      used = true;
      use(stdout).then(
        () => child.kill('SIGTERM'),
        (error: unknown) => {
          child.kill('SIGTERM');
          reject(error);
        },
      );
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ipk-mock-node', () => {
  it('listens, prints its URL and the conferences with their PINs, and serves the API', async () => {
    const result = await whileRunning(['--port', '0', '--no-simulate'], async (output) => {
      const url = /Mock node listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      const answer = await fetch(`${url}/api/client/v2/conferences/meet/participants`, {
        headers: { token: 'x' },
      });
      expect(answer.status).toBe(403);
    });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Mock node listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.stdout).toMatch(/\/webapp2\/conference\/meet \(no PIN\)/);
    expect(result.stdout).toMatch(
      /\/webapp2\/conference\/secure \(host PIN 1234, guest PIN 5678\)/,
    );
    expect(result.code).toBe(0);
  });

  it('uses a config file', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ipk-cli-')), 'mock.json');
    await writeFile(path, JSON.stringify({ conferences: [{ alias: 'lecture', hostPin: '1111' }] }));
    const result = await whileRunning(['--config', path], async () => {});
    expect(result.stdout).toMatch(/\/webapp2\/conference\/lecture \(host PIN 1111\)/);
    expect(result.stdout).not.toContain('/meet');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--config', '/nonexistent.json'], /--config: .*cannot read the config file/],
    [['--upstream', 'node.example.com'], /--upstream: .*not a URL/],
    [['--app', '/nonexistent-dir'], /--app: no such directory/],
    [['positional'], /Unexpected argument/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('--help');
  });

  it('exits 2 for a config file with an error, naming the JSON pointer', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ipk-cli-')), 'bad.json');
    await writeFile(path, JSON.stringify({ conferences: [{ alias: 'x', hostPin: 'abc' }] }));
    const result = await run(['--config', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/conferences/0/hostPin');
  });

  it('prints its usage with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--no-simulate');
    expect(result.stdout).toContain('--upstream <url>');
  });
});
