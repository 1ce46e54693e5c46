import type { PluginUse } from '@ipk/plugin-api';

/**
 * Watches what plugins do to webapp2's page, for the "beyond the plugin guide" report in
 * Settings > Plugins: element queries on the document (`getElementById('mainVideo')`,
 * `querySelector('#pex-sidebar-container …')`), keyboard events sent to the window (chat-notify's
 * `s`), and files fetched relative to the page (`./custom_configuration/plugins/…`). Each is
 * handed to `note`, which blames the plugin whose code is running (or in the stack) and ignores
 * the app's own calls. The originals are called as they are: behaviour does not change.
 * Returns the remover.
 */
export function observePluginUsage(window: Window, note: (use: PluginUse) => void): () => void {
  const document = window.document as Document & Record<string, unknown>;
  const restores: (() => void)[] = [];

  const wrap = <T extends object>(
    target: T,
    name: string,
    use: (args: readonly unknown[]) => PluginUse | undefined,
  ): void => {
    const record = target as Record<string, unknown>;
    const original = record[name];
    if (typeof original !== 'function') return;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      const seen = use(args);
      if (seen) note(seen);
      return (original as (...values: unknown[]) => unknown).apply(this, args);
    };
    record[name] = wrapped;
    restores.push(() => {
      if (record[name] === wrapped) record[name] = original;
    });
  };

  const selector = (prefix: string) => (args: readonly unknown[]) =>
    typeof args[0] === 'string'
      ? ({ kind: 'dom', name: `${prefix}${args[0]}` } satisfies PluginUse)
      : undefined;
  wrap(document, 'getElementById', selector('#'));
  wrap(document, 'getElementsByClassName', (args) =>
    typeof args[0] === 'string'
      ? {
          kind: 'dom',
          name: args[0]
            .trim()
            .split(/\s+/)
            .map((name) => `.${name}`)
            .join(''),
        }
      : undefined,
  );
  wrap(document, 'getElementsByTagName', selector(''));
  wrap(document, 'querySelector', selector(''));
  wrap(document, 'querySelectorAll', selector(''));
  wrap(window, 'dispatchEvent', (args) => {
    const event = args[0];
    return typeof KeyboardEvent === 'function' && event instanceof KeyboardEvent
      ? { kind: 'keyboard', name: event.key }
      : undefined;
  });
  wrap(window, 'fetch', (args) => {
    const input = args[0];
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    if (url === undefined) return undefined;
    const path = url.startsWith(window.location.origin)
      ? url.slice(window.location.origin.length)
      : url;
    return /^(\.\/|\/webapp2\/)?(custom_)?configuration\//.test(path)
      ? { kind: 'page-path', name: path }
      : undefined;
  });
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}
