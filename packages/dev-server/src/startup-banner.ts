import type { DevServer } from './dev-server.js';

export interface BannerDetails {
  /** Where the media library's lines are written (relative to the repo), when media is on. */
  readonly mediaLog?: string;
}

/** What `npm start` prints: where to go, which conference, which PINs. */
export function startupBanner(
  server: DevServer,
  watching: boolean,
  details: BannerDetails = {},
): string {
  const lines = [
    '',
    `Infinity Plugin Kit ${watching ? 'dev server (watching plugins/*)' : 'is running'}`,
    '',
    ...(server.upstream === undefined ? mockNodeLines(server) : upstreamLines(server)),
    '',
    `  Plugins: ${server.plugins.join(', ') || 'none (npm run new-plugin -- <name>)'}`,
    watching
      ? '  Save a plugin file: it is rebuilt and the page reloads. Ctrl-C stops.'
      : '  Ctrl-C stops. (npm run dev also rebuilds and reloads on save.)',
    ...(details.mediaLog !== undefined && server.node.hasMedia
      ? [`  Media details: ${details.mediaLog} (or --verbose)`]
      : []),
    '',
  ];
  return lines.join('\n');
}

function mockNodeLines(server: DevServer): string[] {
  const conferences = server.node.conferences;
  const first = conferences[0];
  return [
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
  ];
}

function upstreamLines(server: DevServer): string[] {
  return [
    `  Open ${server.url}/webapp2/conference/<alias>?name=Alice: a conference on your node`,
    `  The client API goes to ${server.upstream}; the host app and your plugins are served here.`,
  ];
}
