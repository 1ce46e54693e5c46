import { LitElement } from 'lit';

/**
 * A Lit element that renders into itself instead of a shadow root. Plugins reach into the page the
 * way they do in webapp2 (`document.getElementById('mainVideo')`, classes from `app.css`), which
 * only works when the app's DOM is the document's DOM.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Dispatches a `CustomEvent` that bubbles (the app listens for its children's events). */
  protected emit(type: string, detail: unknown = null): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
