import { html, nothing } from 'lit';
import type { PluginRecord, PluginStatus } from './app-host.js';
import { appIcon } from './app-icons.js';
import { LightElement } from './light-element.js';

const STATUS_TEXT: Record<PluginStatus, string> = {
  pending: 'Waiting to join',
  loading: 'Loading',
  loaded: 'Running',
  disabled: 'Disabled',
  skipped: 'Skipped',
  failed: 'Failed',
  invalid: 'Invalid',
};

/**
 * Settings > Plugins (seed: "the Plugin option will appear in each Infinity Connect user's
 * Settings page… a list of available plugins"): name, description, status with its reason, and a
 * switch where the package file sets `allowUnload`. A plugin that can never run here (skipped for
 * platform or role, invalid package) shows its reason and no working switch.
 *
 * Events (bubble): `ipk-set-plugin-enabled` {id, enabled}, `ipk-close-settings`.
 */
export class IpkSettings extends LightElement {
  static override properties = {
    plugins: { attribute: false },
  };

  declare plugins: readonly PluginRecord[];

  constructor() {
    super();
    this.plugins = [];
  }

  override render() {
    return html`<div class="ipk-backdrop" @click=${this.onBackdropClick}>
      <div
        class="ipk-dialog ipk-settings"
        role="dialog"
        aria-modal="true"
        aria-label="Settings"
        @keydown=${this.onKeydown}
      >
        <header class="ipk-dialog-header">
          <h2>Settings</h2>
          <button
            type="button"
            class="ipk-icon-button"
            aria-label="Close settings"
            @click=${this.close}
          >
            ${appIcon('close')}
          </button>
        </header>
        <h3>Plugins</h3>
        ${
          this.plugins.length === 0
            ? html`<p class="ipk-muted-text">No plugins in this branding's settings.json.</p>`
            : nothing
        }
        <ul class="ipk-plugin-list" aria-label="Plugins">
          ${this.plugins.map((plugin) => this.renderPlugin(plugin))}
        </ul>
      </div>
    </div>`;
  }

  private renderPlugin(plugin: PluginRecord) {
    return html`<li class="ipk-plugin" data-plugin=${plugin.id} data-status=${plugin.status}>
      <div class="ipk-plugin-text">
        <span class="ipk-plugin-name">${plugin.name}</span>
        <span class="ipk-plugin-status status-${plugin.status}">${STATUS_TEXT[plugin.status]}</span>
        <p class="ipk-plugin-description">${plugin.description}</p>
        ${
          pluginProblem(plugin) === null
            ? nothing
            : html`<p class="ipk-plugin-reason">${pluginProblem(plugin)}</p>`
        }
      </div>
      ${plugin.allowUnload ? this.renderSwitch(plugin) : nothing}
    </li>`;
  }

  private renderSwitch(plugin: PluginRecord) {
    const canRun = plugin.status !== 'skipped' && plugin.status !== 'invalid';
    return html`<button
      type="button"
      role="switch"
      class="ipk-switch"
      aria-checked=${plugin.enabled ? 'true' : 'false'}
      aria-label=${`Enable ${plugin.name}`}
      ?disabled=${!canRun}
      @click=${() => this.emit('ipk-set-plugin-enabled', { id: plugin.id, enabled: !plugin.enabled })}
    >
      <span class="ipk-switch-knob" aria-hidden="true"></span>
    </button>`;
  }

  private onBackdropClick(event: Event): void {
    if (event.target === event.currentTarget) this.close();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.close();
  }

  private close(): void {
    this.emit('ipk-close-settings', null);
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/** Why a plugin is not running, in the runtime's words (they name the file and the fault). */
function pluginProblem(plugin: PluginRecord): string | null {
  return plugin.reason ?? plugin.error ?? null;
}

customElements.define('ipk-settings', IpkSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ipk-settings': IpkSettings;
  }
}
