import type { LayoutTransforms, Participant, RegisterPluginOptions } from '@ipk/plugin-api';
import { sendNodeRequest } from '@ipk/plugin-api';
import { createUnloader, registerDialog, type PexSubset } from '@ipk/plugin-api/unloader';
import type { DialogHandle } from '@ipk/dialogs/open-dialog';
import { pickersFor, type AppliedLayout } from './layout-choice';
import { openLayoutDialog } from './layout-dialog';

/** Must equal the package file's `id` (the build checks it). */
export const LAYOUT_PLUGIN_ID = 'layout-plugin-1.0';

/**
 * The layout plugin: a toolbar button for hosts that opens the layout dialog.
 *
 * Why `sendRequest('transform_layout', {transforms})` and not `transformConferenceLayout`: the
 * guide's `transformConferenceLayout` "makes use of the `transform_layout` function in the PexRTC
 * client API" and returns nothing, so a refusal (HTTP 400 "Illegal value", 403 for a guest) is
 * lost. PexRTC's own `transformLayout` sends exactly this request; through `sendRequest` the
 * plugin gets the node's answer and can show it in the dialog.
 */
export function createLayoutPlugin(pex: PexSubset<'sendRequest'>): RegisterPluginOptions {
  const registered = createUnloader();
  let applied: AppliedLayout = {};
  let dialog: DialogHandle | undefined;

  const remember = (transforms: LayoutTransforms): void => {
    applied = Object.keys(transforms).length === 0 ? {} : { ...applied, ...transforms };
  };

  return {
    id: LAYOUT_PLUGIN_ID,
    load() {
      // Nothing to follow: the plugin API has no layout event (see README, "Current layout").
    },
    unload: () => registered.unload(),
    chooseLayout(participants: readonly Participant[]) {
      dialog?.close();
      dialog = openLayoutDialog(
        pickersFor(participants ?? []),
        applied,
        (transforms) => sendNodeRequest(pex.pluginAPI, 'transform_layout', { transforms }),
        remember,
      );
      void registerDialog(registered, dialog);
    },
  };
}
