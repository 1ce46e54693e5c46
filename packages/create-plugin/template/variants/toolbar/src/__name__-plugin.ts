import type { DialogRef, Participant, PexGlobal, RegisterPluginOptions } from '@ipk/plugin-api';
import { escapeHtml } from './escape-html';

/** Must equal the package file's `id` (the build checks it). */
export const __CONSTANT___PLUGIN_ID = '__id__';
/** The package file's `menuItems.toolbar[0].action`: the function of that name below. */
export const __CONSTANT___ACTION = '__action__';
/** The package file's `menuItems.toolbar[0].label`, also the dialog's title. */
export const __CONSTANT___TITLE = '__title__';

export function create__Pascal__Plugin(pex: PexGlobal): RegisterPluginOptions {
  let dialog: DialogRef | undefined;

  // The body is raw HTML in webapp2 (seed, openTemplateDialog): escape what comes from the node.
  async function showMessage(text: string): Promise<void> {
    dialog?.close();
    dialog = await pex.pluginAPI.openTemplateDialog({
      title: __CONSTANT___TITLE,
      body: `<p class="pex-dialog-content-message">${escapeHtml(text)}</p>`,
    });
  }

  return {
    id: __CONSTANT___PLUGIN_ID,
    load() {},
    // Seed: "unload: this performs any cleanup actions when the plugin is disabled."
    unload() {
      dialog?.close();
      dialog = undefined;
    },
    // Seed: a toolbar button's action receives the participants (and the conference details).
    async __action__(participants: Participant[]): Promise<void> {
      const count = participants.length === 1 ? '1 person is' : `${participants.length} people are`;
      await showMessage(`Hello! ${count} in this conference.`);
    },
  };
}
