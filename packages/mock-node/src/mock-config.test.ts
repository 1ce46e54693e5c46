import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfigFile, MockConfigError, parseMockConfig } from './mock-config.js';

async function configFile(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ipk-config-')), 'mock.json');
  await writeFile(path, text);
  return path;
}

describe('the embedded default config', () => {
  it('has meet without a PIN, secure with host 1234 / guest 5678, and the lecture auditorium', () => {
    const byAlias = Object.fromEntries(DEFAULT_CONFIG.conferences.map((c) => [c.alias, c]));
    expect(byAlias['meet']).toMatchObject({ serviceType: 'conference' });
    expect(byAlias['meet']?.hostPin).toBeUndefined();
    expect(byAlias['secure']).toMatchObject({ hostPin: '1234', guestPin: '5678' });
    expect(byAlias['lecture']).toMatchObject({ serviceType: 'lecture' });
    expect(byAlias['meet']?.simulatedPeople?.length).toBeGreaterThanOrEqual(4);
  });

  it('passes its own validation', () => {
    expect(parseMockConfig(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
  });
});

describe('loadConfigFile', () => {
  it('loads a valid file', async () => {
    const path = await configFile(
      JSON.stringify({ conferences: [{ alias: 'room', hostPin: '4444' }] }),
    );
    expect(await loadConfigFile(path)).toEqual({
      conferences: [{ alias: 'room', hostPin: '4444' }],
    });
  });

  it.each([
    ['{ nope', /not valid JSON/],
    ['[]', /\/: must be an object/],
    ['{"conferences": []}', /\/conferences: needs at least one conference/],
    ['{"conferences": [{"alias": ""}]}', /\/conferences\/0\/alias: must be a non-empty string/],
    ['{"conferences": [{"alias": "a b"}]}', /\/conferences\/0\/alias: use letters/],
    [
      '{"conferences": [{"alias": "a", "hostPin": "12"}]}',
      /\/conferences\/0\/hostPin: must be 4 to 20 digits/,
    ],
    [
      '{"conferences": [{"alias": "a", "guestPin": "1234"}]}',
      /guestPin: a guest PIN needs a host PIN/,
    ],
    [
      '{"conferences": [{"alias": "a"}, {"alias": "A"}]}',
      /\/conferences\/1\/alias: duplicate alias/,
    ],
    ['{"conferences": [{"alias": "a", "serviceType": "gateway"}]}', /serviceType: must be one of/],
    [
      '{"conferences": [{"alias": "a", "simulatedPeople": [{"displayName": "x", "role": "host"}]}]}',
      /\/conferences\/0\/simulatedPeople\/0\/role: must be one of "chair", "guest"/,
    ],
  ])('refuses %s, naming the file and the JSON pointer', async (text, message) => {
    const path = await configFile(text);
    const failure = loadConfigFile(path);
    await expect(failure).rejects.toThrow(MockConfigError);
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toThrow(path);
  });

  it('says so when the file cannot be read', async () => {
    await expect(loadConfigFile('/nonexistent/mock.json')).rejects.toThrow(
      /cannot read the config file/,
    );
  });
});
