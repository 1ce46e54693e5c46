export const TOAST_CONTAINER_ID = 'ipk-chat-watcher-toasts';
export const TOAST_DURATION_MS = 8000;

/**
 * webapp2 has no toast API for plugins, so the plugin draws its own: a polite live region in the
 * corner, one entry per match, gone after {@link TOAST_DURATION_MS} or when dismissed. Text only
 * (`textContent`), never HTML.
 */
export function showChatToast(heading: string, text: string, doc: Document = document): () => void {
  const toast = doc.createElement('div');
  toast.setAttribute('role', 'status');
  toast.style.cssText =
    'background:#1f2933;color:#fff;padding:10px 14px;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3);' +
    'max-width:320px;display:flex;gap:8px;align-items:flex-start;font:14px/1.4 sans-serif';
  const body = doc.createElement('div');
  const title = doc.createElement('strong');
  title.textContent = heading;
  const message = doc.createElement('div');
  message.textContent = text;
  message.style.wordBreak = 'break-word';
  body.append(title, message);
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.style.cssText = 'background:none;border:0;color:inherit;font-size:18px;cursor:pointer';
  toast.append(body, dismiss);
  toastContainer(doc).append(toast);

  const timer = setTimeout(remove, TOAST_DURATION_MS);
  dismiss.addEventListener('click', remove);
  function remove(): void {
    clearTimeout(timer);
    toast.remove();
  }
  return remove;
}

/** Removes every toast (on unload). */
export function removeChatToasts(doc: Document = document): void {
  doc.getElementById(TOAST_CONTAINER_ID)?.remove();
}

function toastContainer(doc: Document): HTMLElement {
  const existing = doc.getElementById(TOAST_CONTAINER_ID);
  if (existing) return existing;
  const container = doc.createElement('div');
  container.id = TOAST_CONTAINER_ID;
  container.setAttribute('aria-live', 'polite');
  container.style.cssText =
    'position:fixed;right:16px;bottom:16px;z-index:10000;display:flex;flex-direction:column;gap:8px';
  doc.body.append(container);
  return container;
}
