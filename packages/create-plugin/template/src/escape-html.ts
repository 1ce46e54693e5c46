const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * For text that must go into an `openTemplateDialog` body, which webapp2 inserts as raw HTML:
 * display names come from any participant, so unescaped they would be script injection into the
 * host's app.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
