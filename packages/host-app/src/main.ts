/**
 * The browser entry: read the address (once, `deep-link.ts`), start the host with what it says,
 * hand both to `<ipk-app>`.
 */
import { adoptAppClasses } from '@ipk/dialogs';
import { createHost } from '@ipk/host-runtime';
import { parseDeepLink } from './deep-link.js';
import './ipk-app.js';

// webapp2's classes that plugins use in their dialog bodies (seed, "User interfaces"): the one
// sheet of them the kit's dialog components match.
adoptAppClasses(document);

const link = parseDeepLink(window.location);
const app =
  document.querySelector('ipk-app') ?? document.body.appendChild(document.createElement('ipk-app'));

try {
  const host = createHost(link.hostOptions);
  app.link = link;
  app.host = host;
  // The host releases its token itself when the page goes (a request that outlives the page);
  // disposing here closes what is left.
  window.addEventListener('pagehide', () => void host.dispose());
} catch (error) {
  console.error('[ipk-host-app] the runtime did not start:', error);
  app.fault = error instanceof Error ? error : new Error(String(error));
}
