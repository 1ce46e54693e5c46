// The plugin's entry: Rollup wraps this module in one IIFE (webapp2 runs it as a classic script).
// `PEX` is the global webapp2 provides; its types come from "@ipk/plugin-api/global" (tsconfig).
import { createChatWatcherPlugin } from './chat-watcher-plugin';

PEX.pluginAPI.registerPlugin(createChatWatcherPlugin(PEX));
