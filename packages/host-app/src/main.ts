/**
 * The browser entry: read the address, start the runtime, hand both to `<ipk-app>`.
 */
import { createHost, detectPlatform } from '@ipk/host-runtime';
import type { ConferenceControls } from './app-host.js';
import { parseDeepLink } from './deep-link.js';
import { pexSendRequest } from './pex-send-request.js';
import './ipk-app.js';

const link = parseDeepLink(window.location);
const app =
  document.querySelector('ipk-app') ?? document.body.appendChild(document.createElement('ipk-app'));

// Lock and mute-guests are node requests on the conference (client REST API `lock`, `unlock`,
// `muteguests`, `unmuteguests`); they go through the runtime's authenticated `sendRequest`.
const controls: ConferenceControls = {
  setLocked: (locked) => pexSendRequest(window, locked ? 'lock' : 'unlock'),
  setGuestsMuted: (muted) => pexSendRequest(window, muted ? 'muteguests' : 'unmuteguests'),
};

try {
  const host = createHost({
    platform: detectPlatform(navigator.userAgent, window.location.search),
    strictPlugins: link.strictPlugins,
    queryParams: link.queryParams,
  });
  app.link = link;
  app.controls = controls;
  app.host = host;
  window.addEventListener('pagehide', () => void host.dispose());
} catch (error) {
  console.error('[ipk-host-app] the runtime did not start:', error);
  app.fault = error instanceof Error ? error : new Error(String(error));
}
