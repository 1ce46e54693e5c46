import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatBundleSizeReport,
  measureBundleSize,
  type BundleSizeReport,
} from './bundle-size-report.js';
import {
  FIXTURE_ID,
  removeFixtures,
  validFixture,
  writeFixture,
} from './fixture-plugin.fixture.js';

afterAll(removeFixtures);

/** The fixture plugin importing a dependency with a multi-line template literal (like Lit CSS). */
async function pluginWithDependency(): Promise<string> {
  const fixture = validFixture();
  fixture.source = `
    import { STYLES } from 'styled-dep';
    declare const PEX: { pluginAPI: { registerPlugin(plugin: object): void } };
    PEX.pluginAPI.registerPlugin({ id: '${FIXTURE_ID}', load() { console.log(STYLES); }, unload() {}, ring() {} });
  `;
  const root = await writeFixture(fixture);
  const dependency = path.join(root, 'node_modules', 'styled-dep');
  await mkdir(dependency, { recursive: true });
  await writeFile(
    path.join(dependency, 'package.json'),
    JSON.stringify({ name: 'styled-dep', type: 'module', main: 'index.js' }),
  );
  const rule = (index: number) => `  .rule-${index} {\n    color: #${index}${index}${index};\n  }`;
  await writeFile(
    path.join(dependency, 'index.js'),
    `export const STYLES = \`\n${Array.from({ length: 40 }, (_, i) => rule(i)).join('\n')}\n\`;\n`,
  );
  return root;
}

describe('measureBundleSize', () => {
  // Both tests read the report of the same fixture: it is built once.
  let report: BundleSizeReport;
  beforeAll(async () => {
    report = await measureBundleSize({ root: await pluginWithDependency() });
  });

  it('attributes every minified byte to a package, the multi-line literal to its module', () => {
    const byOwner = Object.fromEntries(report.packages.map((share) => [share.owner, share]));
    expect(Object.keys(byOwner).sort()).toEqual(['(this plugin)', '(unmapped)', 'styled-dep']);
    expect(report.packages.reduce((sum, share) => sum + share.bytes, 0)).toBe(report.bytes);
    // The CSS lines have no source-map segment of their own: they still count for styled-dep.
    expect(byOwner['styled-dep']?.bytes).toBeGreaterThan(1000);
    expect(byOwner['(unmapped)']?.bytes).toBeLessThan(60);
    expect(report.modules.find((share) => share.owner === 'styled-dep')?.module).toBe('index.js');
    expect(report.modules.find((share) => share.owner === '(this plugin)')?.module).toBe(
      'src/index.ts',
    );
  });

  it('splits the real gzipped size between the packages', () => {
    const total = report.packages.reduce((sum, share) => sum + share.gzipBytes, 0);
    expect(Math.abs(total - report.gzipBytes)).toBeLessThanOrEqual(report.packages.length);
    expect(formatBundleSizeReport(report)).toMatch(
      /^fixture\.plugin\.js: \d+ B minified, \d+ B gzipped \(level 9\)\nBy package/,
    );
  });
});
