import { spawn } from 'node:child_process';
import { request } from 'node:http';
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
    [['--bogus'], /unknown option '--bogus'/],
    [['--prot', '80'], /unknown option '--prot'\n\(Did you mean --port\?\)/],
    [['--pin-attempts', 'many'], /--pin-attempts <n>' argument 'many' is invalid/],
    [['--headers-timeout', '0'], /It must be a whole number, 1 or more/],
    [['--allow-origin', 'localhost'], /--allow-origin .*is not a URL/],
    [
      ['--headers-timeout', '40000'],
      /--headers-timeout \(40000\) must not be longer than --request-timeout \(30000\)/,
    ],
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--config', '/nonexistent.json'], /--config: .*cannot read the config file/],
    [['--upstream', 'node.example.com'], /--upstream: .*not a URL/],
    [['--app', '/nonexistent-dir'], /--app: no such directory/],
    [['positional'], /too many arguments/],
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

  it('prints its usage with --help: every option, the limits with their defaults', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '--port <n>',
      '--host <addr>',
      '--config <file>',
      '--app <dir>',
      '--branding <dir>',
      '--upstream <url>',
      '--no-simulate',
      '--allow-origin <origin>',
      '--allow-host <name>',
      '--help',
    ]) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toMatch(/--pin-attempts <n>[^]*\(default: 20\)/);
    expect(result.stdout).toMatch(/--pin-window <seconds>[^]*\(default: 600\)/);
    expect(result.stdout).toMatch(/--chat-history <n>[^]*\(default: 200\)/);
    expect(result.stdout).toMatch(/--chat-message-bytes <n>[^]*\(default:\s+16384\)/);
    expect(result.stdout).toMatch(/--headers-timeout <ms>[^]*\(default:\s+10000\)/);
    expect(result.stdout).toMatch(/--request-timeout <ms>[^]*\(default:\s+30000\)/);
  });

  it('passes the limits and allow-lists to the node', async () => {
    await whileRunning(
      ['--no-simulate', '--pin-attempts', '1', '--allow-host', 'mock.test'],
      async (output) => {
        const url = /Mock node listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
        const requestToken = (pin: string) =>
          fetch(`${url}/api/client/v2/conferences/secure/request_token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', pin },
            body: '{"display_name":"x"}',
          });
        expect((await requestToken('0000')).status).toBe(403);
        expect((await requestToken('0001')).status).toBe(403); // over the limit of one: blocked
        expect((await requestToken('1234')).status).toBe(404);
        const status = await new Promise<number | undefined>((resolve, reject) => {
          request(`${url}/_mock/state`, { headers: { host: 'mock.test' } }, (response) => {
            response.resume();
            resolve(response.statusCode);
          })
            .on('error', reject)
            .end();
        });
        expect(status).toBe(200);
      },
    );
  });
});
