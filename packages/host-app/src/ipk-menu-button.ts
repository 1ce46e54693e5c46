import { html, nothing, type PropertyValues } from 'lit';
import { appIcon, type AppIconName } from './app-icons.js';
import { LightElement } from './light-element.js';
import { menuIcon } from './menu-item-look.js';

/** One row of a pop-up menu. */
export interface MenuEntry {
  readonly key: string;
  readonly label: string;
  readonly iconUrl: string | null;
  readonly run: () => void;
}

export function menuEntry(
  key: string,
  label: string,
  iconUrl: string | null,
  run: () => void,
): MenuEntry {
  return { key, label, iconUrl, run };
}

/**
 * A button that opens a menu (WAI-ARIA menu button pattern): the trigger is named by `label`, the
 * menu by `menuLabel`, rows are `menuitem`s. Closes on choice, Escape, or a click elsewhere.
 */
export class IpkMenuButton extends LightElement {
  static override properties = {
    label: { type: String, value: 'Menu' },
    menuLabel: { type: String, attribute: 'menu-label', value: '' },
    entries: { attribute: false, value: [] },
    emptyText: { type: String, attribute: 'empty-text', value: 'Nothing to do here' },
    icon: { type: String, value: 'more' },
    open: { type: Boolean, reflect: true, value: false },
  };

  declare label: string;
  declare menuLabel: string;
  declare entries: readonly MenuEntry[];
  declare emptyText: string;
  /** What the trigger shows; its accessible name is always `label`. */
  declare icon: AppIconName;
  declare open: boolean;

  private readonly closeOnOutsideClick = (event: Event): void => {
    if (!event.composedPath().includes(this)) this.open = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.closeOnOutsideClick);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.closeOnOutsideClick);
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    }
  }

  override render() {
    return html`<button
        type="button"
        class="ipk-menu-trigger"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${this.label}
        title=${this.label}
        @click=${() => (this.open = !this.open)}
      >
        ${appIcon(this.icon)}
      </button>
      ${this.open ? this.renderMenu() : nothing}`;
  }

  private renderMenu() {
    return html`<ul
      class="ipk-menu"
      role="menu"
      aria-label=${this.menuLabel || this.label}
      @keydown=${this.onKeydown}
    >
      ${
        this.entries.length === 0
          ? html`<li role="none" class="ipk-menu-empty">
              <button type="button" role="menuitem" aria-disabled="true">${this.emptyText}</button>
            </li>`
          : this.entries.map(
              (entry) =>
                html`<li role="none">
                  <button type="button" role="menuitem" @click=${() => this.choose(entry)}>
                    ${menuIcon(entry.iconUrl)}<span>${entry.label}</span>
                  </button>
                </li>`,
            )
      }
    </ul>`;
  }

  private choose(entry: MenuEntry): void {
    this.open = false;
    entry.run();
  }

  /** Escape closes; arrows, Home and End move between rows (WAI-ARIA menu pattern). */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      this.open = false;
      this.querySelector<HTMLElement>('.ipk-menu-trigger')?.focus();
      return;
    }
    const rows = [...this.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const current = rows.indexOf(document.activeElement as HTMLElement);
    const next = nextRow(event.key, current, rows.length);
    if (next === null) return;
    event.preventDefault();
    rows[next]?.focus();
  }
}

function nextRow(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return (current + 1) % count;
  if (key === 'ArrowUp') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

customElements.define('ipk-menu-button', IpkMenuButton);

declare global {
  interface HTMLElementTagNameMap {
    'ipk-menu-button': IpkMenuButton;
  }
}
