const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * For text that must go into an `openTemplateDialog` body, which webapp2 inserts as raw HTML: chat
 * text comes from any participant, so unescaped it would be script injection into the host's app.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
