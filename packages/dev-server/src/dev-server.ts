import {
  buildBranding,
  discoverWorkspacePlugins,
  findRepoRoot,
  formatCheckReport,
  type BuildResult,
} from '@ipk/branding';
import { hostAppDir } from '@ipk/host-app';
import { loadMockMedia, startMockNode, type MockNode } from '@ipk/mock-node';
import { describeTypeErrors, readPluginLayout, type TypeCheckError } from '@ipk/rollup-config';
import { watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createDevAppDir, type DevAppDir } from './dev-app-dir.js';
import { LiveReloadChannel } from './live-reload-channel.js';
import { liveReloadClientScript } from './live-reload-client.js';
import { PluginRebuilder } from './plugin-rebuilder.js';
import { watchPluginFolder, type PluginFolderWatch } from './plugin-watcher.js';
import { TypeCheckThread } from './type-check-thread.js';

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
  /**
   * A real Conferencing Node (`https://node.example.com`): the client API is forwarded there, as
   * `ipk-mock-node --upstream` does, while the host app and your live plugins are served here.
   * No simulated people and no mock media then.
   */
  readonly upstream?: string;
  /**
   * `Host` names the node answers besides localhost, loopback and the listen address (the mock
   * node's DNS-rebinding protection): a name the page is opened by from another machine.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * In watch mode, type-check a saved plugin beside its rebuild (on a thread of its own) and show
   * its type errors like build errors. Default true.
   */
  readonly typeCheck?: boolean;
  /** Progress and build errors, one line (or block) at a time. Default: nothing. */
  readonly log?: (text: string) => void;
  /**
   * The media library's own lines (`@ipk/mock-media`: ICE candidates dropped, connection states),
   * which are details for debugging, not the kit's progress. Default: nothing.
   */
  readonly mediaLog?: (text: string) => void;
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

/** A finished type check after a save (watch mode), reported after the page's reload. */
export interface TypeCheckReport {
  readonly plugin: string;
  /** From the save being noticed to the check's result. */
  readonly totalMs: number;
  readonly errors: readonly TypeCheckError[];
}

export interface DevServer {
  /** `http://HOST:PORT` of the mock node. */
  readonly url: string;
  /** The real node the client API is forwarded to (`upstream` option), if any. */
  readonly upstream?: string;
  readonly node: MockNode;
  /** The plugins in the branding, by folder name. */
  readonly plugins: readonly string[];
  /** Where the served branding is (`…/webapp2`). */
  readonly brandingDir: string;
  /** Pages connected to the live-reload channel (watch mode). */
  readonly livePages: () => number;
  /** Calls `listener` after every rebuild; returns the function that stops it. */
  onRebuild(listener: (report: RebuildReport) => void): () => void;
  /** Calls `listener` after every type check of a saved plugin; returns the function that stops it. */
  onTypeCheck(listener: (report: TypeCheckReport) => void): () => void;
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
  const typeChecks = watching && (options.typeCheck ?? true) ? new TypeCheckThread() : undefined;
  /** A rebuilder whose type check, in watch mode, runs on the type-check thread (incremental). */
  async function rebuilderFor(dir: string): Promise<PluginRebuilder> {
    if (typeChecks === undefined) return new PluginRebuilder(dir);
    const layout = await readPluginLayout(dir).catch(() => undefined);
    if (layout === undefined) return new PluginRebuilder(dir);
    return new PluginRebuilder(dir, typeChecks.checkerFor({ root: dir, input: layout.input }));
  }
  const rebuilders = new Map<string, PluginRebuilder>();
  for (const dir of pluginDirs) rebuilders.set(path.basename(dir), await rebuilderFor(dir));
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
  // Against a real node the browser's media goes to that node, as the mock node's CLI does.
  const createCallMedia =
    (options.media ?? true) && options.upstream === undefined
      ? await loadMockMedia(options.mediaLog ?? (() => undefined))
      : undefined;
  const node = await startMockNode({
    port: options.port,
    host: options.host,
    upstream: options.upstream,
    allowedHosts: options.allowedHosts,
    appDir: devApp?.dir ?? options.appDir ?? hostAppDir,
    brandingDir: branding.webapp2Dir,
    simulate: options.simulate ?? true,
    createCallMedia,
    extraRoutes: watching ? channel.route : undefined,
    log,
  });

  const listeners = new Set<(report: RebuildReport) => void>();
  const typeCheckListeners = new Set<(report: TypeCheckReport) => void>();
  // One rebuild at a time: the branding is one folder, and the machine may have two cores.
  let queue: Promise<unknown> = Promise.resolve();
  const queued = new Set<string>();
  /** Plugins whose overlay shows type errors (not a build error): kept until a check passes. */
  const typeFailing = new Set<string>();
  /** The latest save of each plugin: a slower check of an earlier one must not overwrite it. */
  const saves = new Map<string, number>();
  /** Set by close(): checks cut short by it are not failures to report. */
  let closing = false;

  async function rebuildNow(rebuilder: PluginRebuilder, noticedAt: number): Promise<RebuildReport> {
    const plugin = rebuilder.name;
    const save = (saves.get(plugin) ?? 0) + 1;
    saves.set(plugin, save);
    const built = await rebuilder.rebuild();
    const brandingStart = performance.now();
    let message: string | undefined;
    if (!built.ok) {
      typeFailing.delete(plugin);
      message = built.message;
    } else {
      const wasServed = served.has(plugin);
      served.add(plugin);
      const result = await buildServedBranding(repoRoot, outDir, servedDirs());
      if (typeof result === 'string') {
        if (!wasServed) served.delete(plugin);
        message = result;
      }
    }
    const brandingMs = built.ok ? performance.now() - brandingStart : 0;
    if (message !== undefined) {
      channel.send({ type: 'build-error', plugin, message });
      log(`${plugin}: build failed, the page keeps the last good build:\n${message}`);
    } else {
      // Type errors stay on the page until this save's check says they are gone.
      if (!typeFailing.has(plugin)) channel.send({ type: 'build-ok', plugin });
      channel.send({ type: 'reload', plugin });
      // The type check starts now, on its own thread, so it never shares the CPU with the
      // rebuild the page waits for (fork-ts-checker's async mode makes the same choice for
      // webpack): its errors follow in the overlay.
      const checking = rebuilder.typeCheck();
      if (checking !== undefined) void reportTypeCheck(plugin, save, checking, noticedAt);
    }
    const report: RebuildReport = {
      plugin,
      ok: message === undefined,
      buildMs: built.ms,
      brandingMs,
      totalMs: performance.now() - noticedAt,
      ...(message === undefined ? {} : { message }),
    };
    if (report.ok) {
      log(
        `${plugin}: rebuilt in ${Math.round(built.ms)} ms, branding ${Math.round(brandingMs)} ms, page reloaded`,
      );
    }
    for (const listener of listeners) listener(report);
    return report;
  }

  async function reportTypeCheck(
    plugin: string,
    save: number,
    checking: Promise<readonly TypeCheckError[]>,
    noticedAt: number,
  ): Promise<void> {
    const errors = await checking.catch((error: unknown) => {
      if (!closing) log(`${plugin}: the type check failed: ${String(error)}`);
      return undefined;
    });
    if (errors === undefined || (saves.get(plugin) ?? 0) !== save) return;
    if (errors.length > 0) {
      typeFailing.add(plugin);
      const message = describeTypeErrors(plugin, errors);
      channel.send({ type: 'build-error', plugin, message });
      log(
        `${message}\n(the page runs the new build; npm run build refuses it until this is fixed)`,
      );
    } else if (typeFailing.delete(plugin)) {
      channel.send({ type: 'build-ok', plugin });
      log(`${plugin}: type errors fixed`);
    }
    const report = { plugin, totalMs: performance.now() - noticedAt, errors };
    for (const listener of typeCheckListeners) listener(report);
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

  const watchers: Pick<PluginFolderWatch, 'close'>[] = [];
  function watchPlugin(name: string): Promise<void> {
    const watcher = watchPluginFolder(path.join(repoRoot, 'plugins', name), () => {
      // A save during a queued rebuild of the same plugin is picked up by that rebuild.
      if (!queued.has(name)) void rebuildPlugin(name).catch((error: unknown) => log(String(error)));
    });
    watchers.push(watcher);
    return watcher.ready;
  }

  /** A plugin created while watching (`npm run new-plugin`) joins the branding at once. */
  async function adoptNewPlugins(): Promise<void> {
    for (const dir of await discoverWorkspacePlugins(repoRoot)) {
      const name = path.basename(dir);
      if (rebuilders.has(name)) continue;
      rebuilders.set(name, await rebuilderFor(dir));
      pluginDirs.push(dir);
      log(`${name}: new plugin, building it`);
      void watchPlugin(name);
      void rebuildPlugin(name).catch((error: unknown) => log(String(error)));
    }
  }

  if (watching) {
    // Watching before the server says it is ready: a save right after start is not missed.
    await Promise.all([...rebuilders.keys()].map(watchPlugin));
    // The first check of a plugin is the slow one (~2 s): do it now, off the main thread, so the
    // first save costs what every other save does, and so type errors already there are shown.
    for (const [name, rebuilder] of rebuilders) {
      const checking = rebuilder.typeCheck();
      if (checking !== undefined) {
        void reportTypeCheck(name, saves.get(name) ?? 0, checking, performance.now());
      }
    }
    let settle: NodeJS.Timeout | undefined;
    const pluginsFolder = watch(path.join(repoRoot, 'plugins'), { persistent: true }, () => {
      // The generator writes a dozen files: look once it has been quiet for a moment.
      clearTimeout(settle);
      settle = setTimeout(() => void adoptNewPlugins(), 150);
    });
    pluginsFolder.on('close', () => clearTimeout(settle));
    watchers.push({ close: async () => pluginsFolder.close() });
  }

  return {
    url: node.url,
    upstream: options.upstream,
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
    onTypeCheck(listener) {
      typeCheckListeners.add(listener);
      return () => typeCheckListeners.delete(listener);
    },
    rebuildPlugin,
    async close() {
      closing = true;
      await Promise.all(watchers.map((watcher) => watcher.close()));
      channel.close();
      await queue;
      await typeChecks?.close();
      await node.close();
      await devApp?.remove();
    },
  };
}
