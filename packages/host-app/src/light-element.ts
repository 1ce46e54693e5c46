import { LitElement, type PropertyDeclaration } from 'lit';

/** Lit's property options, plus the initial value each new element gets. */
type DeclarationWithValue = PropertyDeclaration & { readonly value?: unknown };

/**
 * A Lit element that renders into itself instead of a shadow root. Plugins reach into the page the
 * way they do in webapp2 (`document.getElementById('mainVideo')`, classes from `app.css`), which
 * only works when the app's DOM is the document's DOM.
 */
export class LightElement extends LitElement {
  /**
   * Sets each declared property to its `value`: in the constructor, as Lit asks, because a class
   * field would hide Lit's accessor for the property.
   */
  constructor() {
    super();
    const { properties } = this.constructor as {
      properties?: Record<string, DeclarationWithValue>;
    };
    for (const [name, { value }] of Object.entries(properties ?? {})) {
      if (value !== undefined) (this as unknown as Record<string, unknown>)[name] = value;
    }
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Dispatches a `CustomEvent` that bubbles (the app listens for its children's events). */
  protected emit(type: string, detail: unknown = null): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
