/**
 * The classes of webapp2's app.css that plugins reuse in `openTemplateDialog` bodies
 * (`dialog-button`, `buttons`, `green-action-button`, `blue-action-button`, `red-action-button`,
 * `green-non-action-button`, `pex-text-input`, `pex-dialog-content-message`: seed guide
 * "Styling", and the gallery plugins). The real app ships these; a host that is not the real app
 * (our host-app) adopts this sheet so plugin HTML looks the same. The boxes match the components:
 * a `pex-text-input` (an `<input>`, or a `<select>` given the class) looks like `ipk-text-input`
 * and `ipk-select`, a `dialog-button` like `ipk-button`. Nothing is applied unless
 * `adoptAppClasses()` is called: the components never add global CSS themselves.
 */
export const APP_CLASSES_CSS = `
.dialog-button {
  box-sizing: border-box;
  min-height: 2.75rem;
  margin: 0.25rem;
  padding: 0.5rem 1.25rem;
  border: none;
  border-radius: var(--ipk-radius, 4px);
  font: inherit;
  font-weight: 500;
  letter-spacing: 0.02em;
  cursor: pointer;
}
.dialog-button:hover:not(:disabled) { filter: brightness(1.12); }
.dialog-button:disabled { opacity: 0.5; cursor: not-allowed; }
.dialog-button:focus-visible, .pex-text-input:focus-visible {
  outline: 3px solid var(--ipk-color-focus, #3d9bff);
  outline-offset: 2px;
}
.green-action-button { background: var(--ipk-color-green, #007a53); color: var(--ipk-color-on-action, #fff); }
.blue-action-button { background: var(--ipk-color-blue, #0b63c1); color: var(--ipk-color-on-action, #fff); }
.red-action-button { background: var(--ipk-color-red, #c4161c); color: var(--ipk-color-on-action, #fff); }
.green-non-action-button {
  background: transparent;
  color: var(--ipk-color-green, #007a53);
  box-shadow: inset 0 0 0 2px currentColor;
}
.pex-text-input {
  box-sizing: border-box;
  width: 100%;
  min-width: 0;
  min-height: 2.75rem;
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--ipk-color-border, #8a94a3);
  border-radius: var(--ipk-radius, 4px);
  background: var(--ipk-color-surface, #fff);
  color: var(--ipk-color-text, #1b2431);
  font: inherit;
}
.pex-dialog-content-message { margin: 0 0 1rem; line-height: 1.4; }
`;

const adopted = new WeakMap<Document, CSSStyleSheet>();

/** Adds `APP_CLASSES_CSS` to `doc` once (a constructed sheet); returns a function that removes it. */
export function adoptAppClasses(doc: Document = document): () => void {
  let sheet = adopted.get(doc);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(APP_CLASSES_CSS);
    adopted.set(doc, sheet);
  }
  const owned = sheet;
  if (!doc.adoptedStyleSheets.includes(owned)) {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, owned];
  }
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((existing) => existing !== owned);
  };
}
