import type {
  LayoutTransforms,
  Participant,
  PluginAPI,
  RegisterPluginOptions,
} from '@ipk/plugin-api';
import { pickersFor, type AppliedLayout } from './layout-choice';
import { openLayoutDialog, type LayoutDialog } from './layout-dialog';
import { sendNodeRequest } from '@ipk/plugin-api';

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
export function createLayoutPlugin(api: Pick<PluginAPI, 'sendRequest'>): RegisterPluginOptions {
  let applied: AppliedLayout = {};
  let open: LayoutDialog | undefined;

  const remember = (transforms: LayoutTransforms): void => {
    applied = Object.keys(transforms).length === 0 ? {} : { ...applied, ...transforms };
  };

  return {
    id: LAYOUT_PLUGIN_ID,
    load() {
      // Nothing to follow: the plugin API has no layout event (see README, "Current layout").
    },
    unload() {
      open?.handle.close();
      open = undefined;
    },
    chooseLayout(participants: readonly Participant[]) {
      open?.handle.close();
      const dialog = openLayoutDialog(
        pickersFor(participants ?? []),
        applied,
        (transforms) => sendNodeRequest(api, 'transform_layout', { transforms }),
        remember,
      );
      open = dialog;
      void dialog.handle.closed.then(() => {
        if (open === dialog) open = undefined;
      });
    },
  };
}
