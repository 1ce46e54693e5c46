import {
  buildBranding,
  discoverWorkspacePlugins,
  findRepoRoot,
  formatCheckReport,
  type BuildResult,
} from '@ipk/branding';
import { hostAppDir } from '@ipk/host-app';
import { loadMockMedia, startMockNode, type MockNode } from '@ipk/mock-node';
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createDevAppDir, type DevAppDir } from './dev-app-dir.js';
import { LiveReloadChannel } from './live-reload-channel.js';
import { liveReloadClientScript } from './live-reload-client.js';
import { PluginRebuilder } from './plugin-rebuilder.js';
import { watchPluginFolder } from './plugin-watcher.js';

export interface DevServerOptions {
  /** The kit's root (holding `plugins/`). Default: the nearest workspace root above the current folder. */
  readonly repoRoot?: string;
  /** Watch the plugins: rebuild a saved one, update the branding, reload the page. Default false. */
  readonly watch?: boolean;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** The host app's build. Default `@ipk/host-app`'s `dist/`. */
  readonly appDir?: string;
  /** Where the branding is written. Default `<repoRoot>/dist/branding` (what `npm run package` writes). */
  readonly brandingOutDir?: string;
  /** Simulated people in the conferences. Default true. */
  readonly simulate?: boolean;
  /** WebRTC media from `@ipk/mock-media` when it is installed. Default true. */
  readonly media?: boolean;
  /** Progress and build errors, one line (or block) at a time. Default: nothing. */
  readonly log?: (text: string) => void;
}

/** One finished rebuild after a save (watch mode). */
export interface RebuildReport {
  readonly plugin: string;
  readonly ok: boolean;
  /** Rollup's build of the plugin. */
  readonly buildMs: number;
  /** The branding package rebuilt and checked (0 when the plugin build failed). */
  readonly brandingMs: number;
  /** From the save being noticed to the page being told (reload or error). */
  readonly totalMs: number;
  /** The error shown in the page and the terminal. */
  readonly message?: string;
}

export interface DevServer {
  /** `http://HOST:PORT` of the mock node. */
  readonly url: string;
  readonly node: MockNode;
  /** The plugins in the branding, by folder name. */
  readonly plugins: readonly string[];
  /** Where the served branding is (`…/webapp2`). */
  readonly brandingDir: string;
  /** Pages connected to the live-reload channel (watch mode). */
  readonly livePages: () => number;
  /** Calls `listener` after every rebuild; returns the function that stops it. */
  onRebuild(listener: (report: RebuildReport) => void): () => void;
  /** Rebuilds a plugin as if it were saved (what the watcher calls). */
  rebuildPlugin(name: string): Promise<RebuildReport>;
  close(): Promise<void>;
}

/** Whether a plugin workspace has a build (its package file in `dist/`). */
async function isBuilt(dir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      ipkPlugin?: { packageFile?: unknown };
    };
    const packageFile = manifest.ipkPlugin?.packageFile;
    return (
      typeof packageFile === 'string' && (await stat(path.join(dir, 'dist', packageFile))).isFile()
    );
  } catch {
    return false;
  }
}

/**
 * Builds the branding from the given plugins; an error result (nothing written) is returned as a
 * message with the check report, so the caller keeps serving the last good branding.
 */
async function buildServedBranding(
  repoRoot: string,
  outDir: string,
  pluginDirs: readonly string[],
): Promise<BuildResult | string> {
  try {
    const result = await buildBranding({ cwd: repoRoot, outDir, pluginDirs: [...pluginDirs] });
    return result.ok
      ? result
      : `The branding package has errors:\n${formatCheckReport(result.check, outDir)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function requireRepoRoot(): Promise<string> {
  const found = await findRepoRoot(process.cwd());
  if (found === undefined) {
    throw new Error('No workspace root (a package.json with "workspaces") above this folder');
  }
  return found;
}

/**
 * `npm start` (and with `watch`, `npm run dev`): the branding from every `plugins/*` workspace,
 * served with the host app by a mock node with simulated people.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const log = options.log ?? (() => undefined);
  const repoRoot: string = options.repoRoot ?? (await requireRepoRoot());
  const outDir = options.brandingOutDir ?? path.join(repoRoot, 'dist', 'branding');
  const watching = options.watch ?? false;
  const pluginDirs = await discoverWorkspacePlugins(repoRoot);
  const rebuilders = new Map(
    pluginDirs.map((dir) => [path.basename(dir), new PluginRebuilder(dir)]),
  );
  // A plugin that does not build (yet) must not keep the others from running: it is left out of
  // the branding and named; in watch mode it gets one build now and joins once it builds.
  const served = new Set<string>();
  for (const [name, rebuilder] of rebuilders) {
    if (await isBuilt(rebuilder.root)) {
      served.add(name);
      continue;
    }
    const built = watching ? await rebuilder.rebuild() : undefined;
    if (built?.ok === true) served.add(name);
    else
      log(
        `${name}: not built, left out of the branding${built?.ok === false ? `:\n${built.message}` : ' (npm run build)'}`,
      );
  }
  const servedDirs = () => pluginDirs.filter((dir) => served.has(path.basename(dir)));
  const branding = await buildServedBranding(repoRoot, outDir, servedDirs());
  if (typeof branding === 'string') throw new Error(branding);
  const channel = new LiveReloadChannel(liveReloadClientScript());
  const devApp: DevAppDir | undefined = watching
    ? await createDevAppDir(options.appDir ?? hostAppDir)
    : undefined;
  const createCallMedia = (options.media ?? true) ? await loadMockMedia(log) : undefined;
  const node = await startMockNode({
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    appDir: devApp?.dir ?? options.appDir ?? hostAppDir,
    brandingDir: branding.webapp2Dir,
    simulate: options.simulate ?? true,
    ...(createCallMedia === undefined ? {} : { createCallMedia }),
    ...(watching ? { extraRoutes: channel.route } : {}),
    log,
  });

  const listeners = new Set<(report: RebuildReport) => void>();
  // One rebuild at a time: the branding is one folder, and the machine may have two cores.
  let queue: Promise<unknown> = Promise.resolve();
  const queued = new Set<string>();

  async function rebuildNow(rebuilder: PluginRebuilder, noticedAt: number): Promise<RebuildReport> {
    const plugin = rebuilder.name;
    const built = await rebuilder.rebuild();
    let report: RebuildReport;
    if (!built.ok) {
      report = failure(plugin, built.ms, 0, noticedAt, built.message);
    } else {
      const brandingStart = performance.now();
      const wasServed = served.has(plugin);
      served.add(plugin);
      const result = await buildServedBranding(repoRoot, outDir, servedDirs());
      const brandingMs = performance.now() - brandingStart;
      if (typeof result === 'string') {
        if (!wasServed) served.delete(plugin);
        report = failure(plugin, built.ms, brandingMs, noticedAt, result);
      } else {
        channel.send({ type: 'build-ok', plugin });
        channel.send({ type: 'reload', plugin });
        report = {
          plugin,
          ok: true,
          buildMs: built.ms,
          brandingMs,
          totalMs: performance.now() - noticedAt,
        };
        log(
          `${plugin}: rebuilt in ${Math.round(built.ms)} ms, branding ${Math.round(brandingMs)} ms, page reloaded`,
        );
      }
    }
    for (const listener of listeners) listener(report);
    return report;
  }

  function failure(
    plugin: string,
    buildMs: number,
    brandingMs: number,
    noticedAt: number,
    message: string,
  ): RebuildReport {
    channel.send({ type: 'build-error', plugin, message });
    log(`${plugin}: build failed, the page keeps the last good build:\n${message}`);
    return {
      plugin,
      ok: false,
      buildMs,
      brandingMs,
      totalMs: performance.now() - noticedAt,
      message,
    };
  }

  function rebuildPlugin(name: string): Promise<RebuildReport> {
    const rebuilder = rebuilders.get(name);
    if (rebuilder === undefined)
      return Promise.reject(new Error(`No plugin "${name}" in ${repoRoot}/plugins`));
    const noticedAt = performance.now();
    queued.add(name);
    const run = queue.then(() => {
      queued.delete(name);
      return rebuildNow(rebuilder, noticedAt);
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const watchers: FSWatcher[] = [];
  function watchPlugin(name: string): void {
    watchers.push(
      watchPluginFolder(path.join(repoRoot, 'plugins', name), () => {
        // A save during a queued rebuild of the same plugin is picked up by that rebuild.
        if (!queued.has(name))
          void rebuildPlugin(name).catch((error: unknown) => log(String(error)));
      }),
    );
  }

  /** A plugin created while watching (`npm run new-plugin`) joins the branding at once. */
  async function adoptNewPlugins(): Promise<void> {
    for (const dir of await discoverWorkspacePlugins(repoRoot)) {
      const name = path.basename(dir);
      if (rebuilders.has(name)) continue;
      rebuilders.set(name, new PluginRebuilder(dir));
      pluginDirs.push(dir);
      log(`${name}: new plugin, building it`);
      watchPlugin(name);
      void rebuildPlugin(name).catch((error: unknown) => log(String(error)));
    }
  }

  if (watching) {
    for (const name of rebuilders.keys()) watchPlugin(name);
    let settle: NodeJS.Timeout | undefined;
    const pluginsFolder = watch(path.join(repoRoot, 'plugins'), { persistent: true }, () => {
      // The generator writes a dozen files: look once it has been quiet for a moment.
      clearTimeout(settle);
      settle = setTimeout(() => void adoptNewPlugins(), 150);
    });
    pluginsFolder.on('close', () => clearTimeout(settle));
    watchers.push(pluginsFolder);
  }

  return {
    url: node.url,
    node,
    get plugins() {
      return [...served];
    },
    brandingDir: branding.webapp2Dir,
    livePages: () => channel.pageCount,
    onRebuild(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rebuildPlugin,
    async close() {
      for (const watcher of watchers) watcher.close();
      channel.close();
      await queue;
      await node.close();
      await devApp?.remove();
    },
  };
}
