import type { RollupError } from 'rollup';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, removeFixtures, validFixture } from './fixture-plugin.fixture.js';

afterAll(removeFixtures);

/** The error a build rejects with: what Rollup's CLI prints (it adds `error.stack` when there is one). */
async function buildError(
  change: (fixture: ReturnType<typeof validFixture>) => void,
): Promise<RollupError> {
  const fixture = validFixture();
  change(fixture);
  return buildFixture(fixture).then(
    () => expect.fail('the build should have failed'),
    (error: unknown) => error as RollupError,
  );
}

describe('ipkPluginFiles: what a failed build shows', () => {
  it('a package file error: its file, line, column and message, and no stack trace', async () => {
    const error = await buildError((fixture) => {
      fixture.packageFile = '{\n  "id": "fixture-plugin-1.0",\n  oops\n}';
    });
    expect(error.message).toMatch(/- fixture\.plugin\.package\.json:3:3 error \(root\): /);
    expect(error.stack ?? '').toBe('');
  });

  it('a plugin that does not hold together: one line per issue, and no stack trace', async () => {
    const error = await buildError((fixture) => {
      if (typeof fixture.packageFile !== 'string') fixture.packageFile['id'] = 'other-plugin-2.0';
    });
    expect(error.message).toContain('fixture: the plugin does not hold together:\n  - ');
    expect(error.message).toMatch(
      /fixture\.plugin\.package\.json:2:3 error \/id: plugin id mismatch/,
    );
    expect(error.stack ?? '').toBe('');
  });
});

describe('ipkPluginFiles: what the plugin uses beyond the guide', () => {
  it('is printed as a warning naming the bundle, without failing the build', async () => {
    const fixture = validFixture();
    fixture.source = fixture.source.replace(
      'load() {}',
      "load() { (PEX as unknown as { dispatchAction(a: object): void }).dispatchAction({ type: '[Conference] Mute Camera' }); }",
    );
    const { warnings } = await buildFixture(fixture);
    expect(warnings).toContainEqual(
      expect.stringContaining(
        "fixture.plugin.js uses the action '[Conference] Mute Camera' (webapp2 NgRx action, not in the plugin guide)",
      ),
    );
    expect(warnings).toContainEqual(
      expect.stringContaining('fixture.plugin.js calls PEX.dispatchAction (webapp2 internals'),
    );
  });
});
