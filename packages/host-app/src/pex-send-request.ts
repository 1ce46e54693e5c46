/**
 * Sends a conference-relative request through `window.PEX.pluginAPI.sendRequest`, the runtime's
 * authenticated path to the node (seed, "sendRequest"). The global is checked rather than trusted:
 * before the runtime has installed it, the caller gets a clear error instead of a TypeError.
 */
export function pexSendRequest(window: Window, path: string, payload?: unknown): Promise<unknown> {
  const pex: unknown = Reflect.get(window, 'PEX');
  const pluginApi: unknown = isObject(pex) ? pex['pluginAPI'] : undefined;
  const sendRequest: unknown = isObject(pluginApi) ? pluginApi['sendRequest'] : undefined;
  if (typeof sendRequest !== 'function') {
    return Promise.reject(new Error('window.PEX.pluginAPI.sendRequest is not installed yet'));
  }
  return Promise.resolve(
    payload === undefined
      ? sendRequest.call(pluginApi, path)
      : sendRequest.call(pluginApi, path, payload),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
