import { svg, html, type TemplateResult } from 'lit';

/**
 * The app's own icons, drawn inline so they need no font (headless Chromium has no emoji font)
 * and no extra request. Simple strokes on a 24×24 grid, coloured by `currentColor`.
 */
const shapes = {
  microphone: svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/>`,
  microphoneOff: svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3M4 4l16 16"/>`,
  camera: svg`<rect x="3" y="7" width="12" height="10" rx="2"/><path d="M15 11l6-3v8l-6-3z"/>`,
  cameraOff: svg`<rect x="3" y="7" width="12" height="10" rx="2"/><path d="M15 11l6-3v8l-6-3zM3 4l17 17"/>`,
  people: svg`<circle cx="9" cy="8" r="3"/><path d="M3 19c0-3.3 2.7-5 6-5s6 1.7 6 5"/><circle cx="17" cy="9" r="2.5"/><path d="M17 14c2.5 0 4 1.5 4 4"/>`,
  chat: svg`<path d="M4 5h16v11H9l-5 4z"/>`,
  menu: svg`<path d="M4 6h16M4 12h16M4 18h16"/>`,
  settings: svg`<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1"/>`,
  leave: svg`<path d="M3 14c5-5 13-5 18 0l-2.5 2.5-3-2v-2.5a9 9 0 0 0-7 0v2.5l-3 2z"/>`,
  more: svg`<circle cx="12" cy="5" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="12" cy="19" r="1.2"/>`,
  puzzle: svg`<path d="M5 8h4a2 2 0 1 1 4 0h4v4a2 2 0 1 1 0 4v3H5z"/>`,
  close: svg`<path d="M6 6l12 12M18 6L6 18"/>`,
  send: svg`<path d="M4 12l16-8-6 16-2-6z"/>`,
} as const;

export type AppIconName = keyof typeof shapes;

export function appIcon(name: AppIconName): TemplateResult {
  return html`<svg
    class="ipk-icon"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.8"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${shapes[name]}
  </svg>`;
}
