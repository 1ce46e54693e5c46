import { EVENTS_PATH } from './live-reload-channel.js';

/** The overlay's element id (stable for tests). */
export const OVERLAY_ID = 'ipk-dev-build-error';

/**
 * The script the dev server adds to the host app's page: reloads on `reload`, shows a build error
 * over the page on `build-error` (the last good build keeps running under it) and removes it on
 * `build-ok`. Plain ES2020 in a string: it is served as it is, never bundled.
 */
export function liveReloadClientScript(): string {
  return `(() => {
  const errors = new Map();
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('build-error', (event) => {
    const data = JSON.parse(event.data);
    errors.set(data.plugin, data.message);
    render();
  });
  source.addEventListener('build-ok', (event) => {
    errors.delete(JSON.parse(event.data).plugin);
    render();
  });
  function render() {
    document.getElementById(${JSON.stringify(OVERLAY_ID)})?.remove();
    if (errors.size === 0) return;
    const overlay = document.createElement('section');
    overlay.id = ${JSON.stringify(OVERLAY_ID)};
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('aria-label', 'Plugin build error');
    overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:16px;background:#2b0b0e;color:#ffd7d7;border-top:4px solid #e53935;font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap';
    const heading = document.createElement('strong');
    heading.textContent = 'Plugin build failed: the page still runs the last good build.';
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = 'Dismiss';
    dismiss.style.cssText = 'float:right';
    dismiss.addEventListener('click', () => overlay.remove());
    overlay.append(dismiss, heading);
    for (const [plugin, message] of errors) {
      const block = document.createElement('pre');
      block.textContent = plugin + ': ' + message;
      overlay.append(block);
    }
    document.body.append(overlay);
  }
})();
`;
}
