import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLIENT_SCRIPT_PATH } from './live-reload-channel.js';

export interface DevAppDir {
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * A copy of the host app's build whose `index.html` also loads the live-reload client. A copy,
 * so the host app's own `dist/` (what `npm start`, the e2e suite and a deployment use) never
 * carries dev code.
 */
export async function createDevAppDir(hostAppDir: string): Promise<DevAppDir> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ipk-dev-app-'));
  await cp(hostAppDir, dir, { recursive: true });
  const indexFile = path.join(dir, 'index.html');
  const html = await readFile(indexFile, 'utf8').catch(async () => {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${hostAppDir} has no index.html: build the host app (npm run build)`);
  });
  await writeFile(indexFile, injectScript(html));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Adds the client script before `</head>` (else at the end). */
export function injectScript(html: string): string {
  const tag = `<script src="${CLIENT_SCRIPT_PATH}"></script>`;
  const head = html.search(/<\/head>/i);
  return head === -1 ? `${html}\n${tag}\n` : `${html.slice(0, head)}${tag}\n${html.slice(head)}`;
}
