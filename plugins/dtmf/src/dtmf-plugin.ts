import type { Participant, ParticipantMenuState, RegisterPluginOptions } from '@ipk/plugin-api';
import { sendNodeRequest } from '@ipk/plugin-api';
import {
  createUnloader,
  registerDialog,
  registerSubscription,
  type PexSubset,
} from '@ipk/plugin-api/unloader';
import type { DialogHandle } from '@ipk/dialogs/open-dialog';
import { openKeypadDialog } from './keypad-dialog';

/** Must equal the package file's `id` (the build checks it). */
export const DTMF_PLUGIN_ID = 'dtmf-plugin-1.0';

/**
 * Who cannot take DTMF, so the menu item is hidden for them:
 * - `callType: 'api'`: a control-only connection (no audio, hence nothing to hear tones), e.g.
 *   a presentation-only or roster-only client (seed: "The type of call": video, audio or api);
 * - `protocol: 'rtmp'`: a streaming/recording endpoint, which only receives a stream.
 * Everyone else keeps the item, including gateway calls (`serviceType: 'gateway'`), where the
 * tones go to the far end (e.g. an IVR behind a SIP or PSTN call).
 */
function acceptsDtmf(participant: Participant): boolean {
  return participant.callType !== 'api' && participant.protocol !== 'rtmp';
}

/** Per-participant menu state: `null` hides the item for that participant (seed, "Plugin state"). */
function dtmfMenuState(participants: readonly Participant[]): ParticipantMenuState {
  const refused = participants.filter((participant) => !acceptsDtmf(participant));
  return Object.fromEntries(refused.map((participant) => [participant.uuid, null]));
}

/**
 * The DTMF plugin: a participant-menu item for hosts that opens a keypad and sends the digits
 * with the client REST API's `participants/<uuid>/dtmf {digits}` (Pexip plugin guide,
 * sendRequest: `sendRequest('/participants/<participant_uuid>/dtmf', {digits: "1234"})`).
 */
export function createDtmfPlugin(
  pex: PexSubset<'createNewState' | 'sendRequest'>,
): RegisterPluginOptions {
  const state$ = pex.pluginAPI.createNewState<ParticipantMenuState>({});
  const registered = createUnloader();
  let keypad: DialogHandle | undefined;

  return {
    id: DTMF_PLUGIN_ID,
    state$,
    load(participants$) {
      registerSubscription(registered, participants$, (participants) =>
        state$.next(dtmfMenuState(participants)),
      );
    },
    unload: () => registered.unload(),
    openKeypad(participant: Participant) {
      // One keypad at a time: a second one would interleave two streams of tones.
      keypad?.close();
      const path = `participants/${encodeURIComponent(participant.uuid)}/dtmf`;
      keypad = openKeypadDialog(participant.name || participant.uri, (digits) =>
        sendNodeRequest(pex.pluginAPI, path, { digits }),
      );
      void registerDialog(registered, keypad);
    },
  };
}
