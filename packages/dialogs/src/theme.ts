/**
 * Infinity Connect's look as CSS custom properties (CSS text: a component's `styles` joins it with
 * its own rules). Every component reads the public
 * `--ipk-*` properties (set them on any ancestor, e.g. `:root`, to re-theme) through private
 * `--_*` copies with the defaults below. Nothing here reaches outside a component's shadow root.
 *
 * Defaults: webapp2's dark blue header and green/blue/red action buttons, darkened where needed
 * so white text keeps a 4.5:1 contrast (WCAG AA; axe-core checks it in the tests).
 */
export const themeTokens = `
  :host {
    --_primary: var(--ipk-color-primary, #0a2136);
    --_on-primary: var(--ipk-color-on-primary, #ffffff);
    --_green: var(--ipk-color-green, #007a53);
    --_blue: var(--ipk-color-blue, #0b63c1);
    --_red: var(--ipk-color-red, #c4161c);
    --_on-action: var(--ipk-color-on-action, #ffffff);
    --_surface: var(--ipk-color-surface, #ffffff);
    --_text: var(--ipk-color-text, #1b2431);
    --_muted: var(--ipk-color-muted, #5b6675);
    --_border: var(--ipk-color-border, #8a94a3);
    --_focus: var(--ipk-color-focus, #3d9bff);
    --_error: var(--ipk-color-error, #b3261e);
    --_radius: var(--ipk-radius, 4px);
    --_font: var(--ipk-font-family, 'Roboto', 'Helvetica Neue', Arial, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    /* Native controls (a checkbox, a select's arrow and list) drawn for our light surfaces, even
       in a page that asks for dark ones. */
    color-scheme: var(--ipk-color-scheme, light);
  }
`;

/** One focus ring for every interactive part, visible on the dark header as well as on white. */
export const focusRing = `
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/**
 * The one look of a text field and a select (and the box of webapp2's `pex-text-input`, in
 * `APP_CLASSES_CSS`): the same height, border, radius, padding and colours everywhere.
 */
export const fieldStyles = `
  :host {
    display: block;
    margin-block: 0.5rem;
  }
  label {
    display: block;
    margin-bottom: 0.25rem;
    font-size: 0.875rem;
    font-weight: 500;
  }
  input,
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
`;
