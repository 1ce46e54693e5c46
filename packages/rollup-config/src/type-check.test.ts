import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rollup } from 'rollup';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePlugin } from './bundle-plugin.js';
import { definePluginConfig } from './define-plugin-config.js';
import {
  buildFixture,
  removeFixtures,
  validFixture,
  writeFixture,
  type FixturePlugin,
} from './fixture-plugin.fixture.js';
import { createTypeChecker, formatTypeCheckErrors } from './type-check.js';

afterAll(removeFixtures);

/** The valid fixture with a participant whose `name` the source misspells. */
function withMisspeltName(): FixturePlugin {
  const fixture = validFixture();
  fixture.source = `interface Participant { readonly name: string }\n${fixture.source.replace(
    'function ring(): void {',
    "function ring(participant: Participant): void {\n        console.info('Hello, ' + participant.nmae);",
  )}`;
  return fixture;
}

describe('the build type-checks the plugin', () => {
  it('fails on a type error with the file, line, column, code and a frame, and writes nothing', async () => {
    const failed = buildFixture(withMisspeltName(), false, true);
    await expect(failed).rejects.toThrow(
      /fixture: a type error:\nsrc\/index\.ts:6:46 TS2339 Property 'nmae' does not exist on type 'Participant'\.\n6 \| +console\.info\('Hello, ' \+ participant\.nmae\);\n +\| {46}\^/,
    );
  });

  it('writes no dist/ when the types are wrong', async () => {
    const root = await writeFixture(withMisspeltName());
    const config = await definePluginConfig({ root, onBundleSize: () => undefined });
    await expect(rollup({ ...config, onLog: () => undefined })).rejects.toThrow(/TS2339/);
    await expect(access(path.join(root, 'dist'))).rejects.toThrow(/ENOENT/);
  });

  it('ignores files the entry does not import (test files are the typecheck task’s)', async () => {
    const root = await writeFixture(validFixture());
    await writeFile(path.join(root, 'src', 'broken.test.ts'), 'const n: number = "one";\n');
    const errors = await createTypeChecker({
      root,
      input: path.join(root, 'src', 'index.ts'),
    }).check();
    expect(errors).toEqual([]);
  });

  it('can be turned off (bundlePlugin, for unit tests, leaves it to the typecheck task)', async () => {
    const root = await writeFixture(withMisspeltName());
    expect((await bundlePlugin({ root })).code).toContain('participant.nmae');
    await expect(bundlePlugin({ root, typeCheck: true })).rejects.toThrow(/TS2339/);
  });
});

describe('createTypeChecker', () => {
  it('checks again after a change and sees the fix', async () => {
    const root = await writeFixture(withMisspeltName());
    const input = path.join(root, 'src', 'index.ts');
    const checker = createTypeChecker({ root, input });
    expect((await checker.check()).map((error) => error.code)).toEqual(['TS2339']);

    await writeFile(input, withMisspeltName().source.replace('nmae', 'name'));
    expect(await checker.check()).toEqual([]);
  });

  it('reports a broken tsconfig.json as such', async () => {
    const root = await writeFixture(validFixture());
    await writeFile(path.join(root, 'tsconfig.json'), '{"compilerOptions": {"target": "ES1999"}}');
    const errors = await createTypeChecker({
      root,
      input: path.join(root, 'src', 'index.ts'),
    }).check();
    expect(formatTypeCheckErrors(errors)).toMatch(
      /^tsconfig\.json:1:\d+ TS6046 Argument for '--target' option must be/,
    );
  });

  it('lists ten errors and says how many more there are', () => {
    const errors = Array.from({ length: 12 }, (_, index) => ({
      file: 'src/a.ts',
      line: index + 1,
      column: 1,
      code: 'TS2322',
      message: 'Type mismatch.',
    }));
    const text = formatTypeCheckErrors(errors);
    expect(text.split('\n\n')).toHaveLength(11);
    expect(text).toMatch(/… and 2 more \(npm run typecheck lists them all\)$/);
  });
});
