import { COMPONENTS_VERSION } from './version.js';

/** How one reactive property of a component maps to an attribute (Lit's declaration, trimmed). */
export interface PropertyDeclaration {
  /** The attribute; `false` for a property only. Default (or `true`): the name in lower case. */
  readonly attribute?: string | boolean;
  /** How the attribute's text becomes the property's value. Default `String`. */
  readonly type?: typeof String | typeof Boolean | typeof Number;
  /** Writes the property back to the attribute (for CSS `:host([…])` and for tests). */
  readonly reflect?: boolean;
  /** The initial value, set when the element is constructed (none: `undefined`). */
  readonly value?: unknown;
}

const sheets = new WeakMap<object, CSSStyleSheet | string>();

const attributeName = (name: string, { attribute }: PropertyDeclaration): string =>
  typeof attribute === 'string' ? attribute : name.toLowerCase();

/**
 * The base of every component: Lit's reactive-element model in a few hundred bytes, without
 * Lit. Declared properties (`static properties`, set to their `value` on construction) get
 * accessors; changing one schedules a single update in a microtask (batched, after the element is
 * first connected); the first update calls
 * `render()` once to build the shadow DOM, then every update calls `update(changed)`; then
 * `updated(changed)`. `updateComplete` settles once no update is pending. `static styles` is
 * CSS text, adopted into each shadow root as one constructed stylesheet per class.
 *
 * Why not Lit: a plugin bundles its own copy of whatever it uses, and Lit (lit-html, the reactive
 * element, the CSS tag) was 5.2 KB of a 12 KB gzipped plugin whose dialogs render a few static
 * trees (docs/decisions/0060-dialogs-without-lit.md).
 */
export abstract class IpkElement extends HTMLElement {
  static readonly ipkComponentVersion: string = COMPONENTS_VERSION;
  static properties: Readonly<Record<string, PropertyDeclaration>> = {};
  static styles = '';
  static shadowRootOptions: ShadowRootInit = { mode: 'open' };

  static get observedAttributes(): string[] {
    return Object.entries(this.properties).flatMap(([name, declaration]) =>
      declaration.attribute === false ? [] : [attributeName(name, declaration)],
    );
  }

  /** Installs an accessor for each declared property (`defineElement` calls it once per class). */
  static finalize(): void {
    for (const name of Object.keys(this.properties)) {
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        get(this: IpkElement) {
          return this.#values.get(name);
        },
        set(this: IpkElement, value: unknown) {
          if (Object.is(this.#values.get(name), value)) return;
          this.#values.set(name, value);
          this.requestUpdate(name);
        },
      });
    }
  }

  /** Where `render()` builds: the shadow root (see `createRenderRoot`). */
  renderRoot!: ShadowRoot;
  readonly #values = new Map<string, unknown>();
  #changed = new Set<string>();
  #pending: Promise<boolean> | undefined;
  #connect!: () => void;
  readonly #connected = new Promise<void>((resolve) => (this.#connect = resolve));
  #rendered = false;
  #fromAttribute = false;

  constructor() {
    super();
    const { properties } = this.constructor as typeof IpkElement;
    for (const [name, { value }] of Object.entries(properties)) {
      if (value !== undefined) (this as unknown as Record<string, unknown>)[name] = value;
    }
  }

  /** Settles (with `true`) once the element has rendered everything set so far. */
  get updateComplete(): Promise<boolean> {
    const pending = this.#pending;
    return pending ? pending.then(() => this.updateComplete) : Promise.resolve(true);
  }

  /** Schedules one update for everything changed before it runs. */
  requestUpdate(name?: string): void {
    if (name !== undefined) this.#changed.add(name);
    this.#pending ??= this.#connected.then(() => {
      this.#pending = undefined;
      this.#performUpdate();
      return true;
    });
  }

  connectedCallback(): void {
    this.#connect();
    if (!this.#rendered) this.requestUpdate();
  }

  attributeChangedCallback(attribute: string, _old: string | null, text: string | null): void {
    if (this.#fromAttribute) return;
    const entries = Object.entries((this.constructor as typeof IpkElement).properties);
    const found = entries.find(
      ([name, declaration]) => attributeName(name, declaration) === attribute,
    );
    if (!found) return;
    const [name, { type }] = found;
    const value =
      type === Boolean ? text !== null : type === Number && text !== null ? Number(text) : text;
    (this as unknown as Record<string, unknown>)[name] = value ?? undefined;
  }

  /**
   * Attaches the shadow root to `host` and adopts the class's styles into it: one constructed
   * sheet per class, a `<style>` where constructed sheets are missing.
   */
  protected createRenderRoot(host: Element = this): ShadowRoot {
    const owner = this.constructor as typeof IpkElement;
    const root = host.attachShadow(owner.shadowRootOptions);
    let sheet = sheets.get(owner);
    if (sheet === undefined) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(owner.styles);
      } catch {
        sheet = owner.styles;
      }
      sheets.set(owner, sheet);
    }
    if (typeof sheet === 'string') root.append(h('style', {}, sheet));
    else root.adoptedStyleSheets = [sheet];
    return root;
  }

  /** Dispatches a `CustomEvent` that bubbles out of shadow roots; `false` if it was cancelled. */
  protected fire<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  /** Builds the shadow DOM, once, before the first `update`. */
  protected abstract render(): void;

  /** Brings the DOM up to date with the properties named in `changed` (all of them the first time). */
  protected update(_changed: ReadonlySet<string>): void {}

  protected updated(_changed: ReadonlySet<string>): void {}

  #performUpdate(): void {
    const changed = this.#changed;
    this.#changed = new Set();
    const { properties } = this.constructor as typeof IpkElement;
    // Reflected here, not in the setter: an element may not get attributes in its constructor,
    // where the defaults are set.
    this.#fromAttribute = true;
    for (const name of changed) {
      const declaration = properties[name];
      if (!declaration?.reflect || declaration.attribute === false) continue;
      const attribute = attributeName(name, declaration);
      const value = this.#values.get(name);
      if (declaration.type === Boolean) this.toggleAttribute(attribute, Boolean(value));
      else if (value == null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    }
    this.#fromAttribute = false;
    if (!this.#rendered) {
      this.#rendered = true;
      this.renderRoot = this.createRenderRoot();
      this.render();
    }
    this.update(changed);
    this.updated(changed);
  }
}

/** Event listeners (`@type`) and attributes (the rest; `true` = present). */
export type ElementProps = Readonly<Record<string, unknown>>;

/** `document.createElement(tag)` with `props` applied and `children` appended. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: ElementProps,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  return applyProps(document.createElement(tag), props, children);
}

/** The same for SVG elements (decorative pictures). */
export function s(tag: string, props?: ElementProps, ...children: (Node | string)[]): SVGElement {
  return applyProps(
    document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement,
    props,
    children,
  );
}

function applyProps<E extends Element>(
  element: E,
  props: ElementProps = {},
  children: (Node | string)[],
): E {
  for (const [key, value] of Object.entries(props)) {
    if (key[0] === '@') element.addEventListener(key.slice(1), value as EventListener);
    else if (value === true) element.setAttribute(key, '');
    else if (value != null && value !== false) element.setAttribute(key, String(value));
  }
  element.append(...children);
  return element;
}
