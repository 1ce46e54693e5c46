import { parseDeepLink } from '../deep-link.js';
import { IpkApp } from '../ipk-app.js';
import { createFakeHost, type FakeHost } from './fake-host.js';

export interface MountedApp {
  readonly app: IpkApp;
  readonly host: FakeHost;
}

/** Puts a fresh `<ipk-app>` on the page, wired to a fake host, as if opened at `url`. */
export function mountApp(url = '/webapp2/', host = createFakeHost()): MountedApp {
  document.body.replaceChildren();
  const { pathname, search } = new URL(url, 'https://node.example');
  const app = document.createElement('ipk-app');
  app.link = parseDeepLink({ pathname, search });
  app.host = host;
  document.body.append(app);
  return { app, host };
}

export { IpkApp };
