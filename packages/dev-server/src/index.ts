/** @ipk/dev-server: `npm start` and `npm run dev` of Infinity Plugin Kit. */
export {
  startDevServer,
  type DevServer,
  type DevServerOptions,
  type RebuildReport,
  type TypeCheckReport,
} from './dev-server.js';
export { TypeCheckThread } from './type-check-thread.js';
export { parseCommandLine, DEFAULT_PORT, type ServeRequest } from './command-line.js';
export {
  LiveReloadChannel,
  DEV_PREFIX,
  EVENTS_PATH,
  CLIENT_SCRIPT_PATH,
  type DevEvent,
} from './live-reload-channel.js';
export { liveReloadClientScript, OVERLAY_ID } from './live-reload-client.js';
export { createDevAppDir, injectScript, type DevAppDir } from './dev-app-dir.js';
export { PluginRebuilder, describeBuildError, type RebuildOutcome } from './plugin-rebuilder.js';
export {
  watchPluginFolder,
  isBuildInput,
  QUIET_MS,
  type PluginFolderWatch,
} from './plugin-watcher.js';
export { startupBanner } from './startup-banner.js';
