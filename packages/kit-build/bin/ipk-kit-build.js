#!/usr/bin/env node
// ipk-kit-build [--continue] <turbo filter>...: what the root scripts run before they start
// something (npm start, npm run package, …), so a fresh clone shows progress while it builds.
import { buildWorkspaces, findKitRoot } from '../src/kit-build.js';

const args = process.argv.slice(2);
const continueOnError = args.includes('--continue');
const filters = args.filter((arg) => arg !== '--continue');
const root = findKitRoot(process.cwd());
if (
  filters.length === 0 ||
  filters.some((filter) => filter.startsWith('-')) ||
  root === undefined
) {
  process.stderr.write(
    'Usage: ipk-kit-build [--continue] <turbo filter>... (inside the kit)\n' +
      '  e.g. ipk-kit-build --continue @ipk/dev-server... ./plugins/*\n',
  );
  process.exit(2);
}
const result = await buildWorkspaces({ root, filters, continueOnError });
// --continue goes on without packages that did not build, not past turbo failing as a whole.
const goOn = continueOnError && result.failed.length > 0;
if (!result.ok && goOn) process.stderr.write(`Going on without ${result.failed.join(', ')}.\n`);
process.exitCode = result.ok || goOn ? 0 : 1;
