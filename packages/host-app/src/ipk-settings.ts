import { pluginProblem, seconds } from '@ipk/host-runtime';
import { html, nothing } from 'lit';
import type { PluginRecord, PluginStatusKind } from './app-host.js';
import { appIcon } from './app-icons.js';
import { LightElement } from './light-element.js';

const STATUS_TEXT: Record<PluginStatusKind, string> = {
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
    plugins: { attribute: false, value: [] },
  };

  declare plugins: readonly PluginRecord[];

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
    const kind = plugin.status.kind;
    const problem = pluginProblem(plugin.status);
    return html`<li class="ipk-plugin" data-plugin=${plugin.id} data-status=${kind}>
      <div class="ipk-plugin-text">
        <span class="ipk-plugin-name">${plugin.name}</span>
        <span class="ipk-plugin-status status-${kind}">${STATUS_TEXT[kind]}</span>
        <p class="ipk-plugin-description">${plugin.description}</p>
        ${problem === undefined ? nothing : html`<p class="ipk-plugin-reason">${problem}</p>`}
        ${
          plugin.longTasks === undefined
            ? nothing
            : html`<p class="ipk-plugin-long-tasks">${longTaskText(plugin.longTasks)}</p>`
        }
        ${
          plugin.beyondTheGuide.length === 0
            ? nothing
            : html`<details class="ipk-plugin-beyond">
                <summary>
                  Uses ${plugin.beyondTheGuide.length}
                  thing${plugin.beyondTheGuide.length === 1 ? '' : 's'} beyond the plugin guide
                </summary>
                <ul aria-label=${`Beyond the plugin guide: ${plugin.name}`}>
                  ${plugin.beyondTheGuide.map(
                    (finding) =>
                      html`<li>
                        ${finding.what} <span class="ipk-muted-text">(${finding.reason})</span>
                      </li>`,
                  )}
                </ul>
              </details>`
        }
      </div>
      ${plugin.allowUnload ? this.renderSwitch(plugin) : nothing}
    </li>`;
  }

  private renderSwitch(plugin: PluginRecord) {
    const canRun = plugin.status.kind !== 'skipped' && plugin.status.kind !== 'invalid';
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
    this.emit('ipk-close-settings');
  }
}

/** "Blocked the page 2 times, longest 3.2 s (in load)". */
function longTaskText(report: NonNullable<PluginRecord['longTasks']>): string {
  const times = report.count === 1 ? 'once' : `${report.count} times`;
  return `Blocked the page ${times}, longest ${seconds(report.longestMs)} (in ${report.longestWhere}); ${seconds(report.totalMs)} in all.`;
}

customElements.define('ipk-settings', IpkSettings);
