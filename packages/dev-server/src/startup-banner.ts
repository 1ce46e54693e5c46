import type { DevServer } from './dev-server.js';

/** What `npm start` prints: where to go, which conference, which PINs. */
export function startupBanner(server: DevServer, watching: boolean): string {
  const conferences = server.node.conferences;
  const first = conferences[0];
  const lines = [
    '',
    `Infinity Plugin Kit ${watching ? 'dev server (watching plugins/*)' : 'is running'}`,
    '',
    first === undefined
      ? `  Open ${server.url}/webapp2/`
      : `  Open ${server.url}/webapp2/conference/${first.alias}?name=Alice&join=1`,
    '',
    '  Conferences:',
    ...conferences.map((conference) => {
      const pins = [
        conference.hostPin === undefined ? undefined : `host PIN ${conference.hostPin}`,
        conference.guestPin === undefined ? undefined : `guest PIN ${conference.guestPin}`,
      ].filter((pin) => pin !== undefined);
      return `    ${conference.alias.padEnd(10)} ${pins.length === 0 ? 'no PIN' : pins.join(', ')}`;
    }),
    '',
    `  Plugins: ${server.plugins.join(', ') || 'none (npm run new-plugin -- <name>)'}`,
    watching
      ? '  Save a plugin file: it is rebuilt and the page reloads. Ctrl-C stops.'
      : '  Ctrl-C stops. (npm run dev also rebuilds and reloads on save.)',
    '',
  ];
  return lines.join('\n');
}
