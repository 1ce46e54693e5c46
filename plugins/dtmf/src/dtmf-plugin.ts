import type {
  Participant,
  ParticipantMenuState,
  PluginAPI,
  RegisterPluginOptions,
} from '@ipk/plugin-api';
import { openKeypadDialog, type KeypadDialog } from './keypad-dialog';
import { sendNodeRequest } from '@ipk/plugin-api';

/** Must equal the package file's `id` (the build checks it). */
export const DTMF_PLUGIN_ID = 'dtmf-plugin-1.0';

interface Unsubscribable {
  unsubscribe(): void;
}

/**
 * Who cannot take DTMF, so the menu item is hidden for them:
 * - `callType: 'api'`: a control-only connection (no audio, hence nothing to hear tones), e.g.
 *   a presentation-only or roster-only client (seed: "The type of call": video, audio or api);
 * - `protocol: 'rtmp'`: a streaming/recording endpoint, which only receives a stream.
 * Everyone else keeps the item, including gateway calls (`serviceType: 'gateway'`), where the
 * tones go to the far end (e.g. an IVR behind a SIP or PSTN call).
 */
export function acceptsDtmf(participant: Participant): boolean {
  return participant.callType !== 'api' && participant.protocol !== 'rtmp';
}

/** Per-participant menu state: `null` hides the item for that participant (seed, "Plugin state"). */
export function dtmfMenuState(participants: readonly Participant[]): ParticipantMenuState {
  const state: ParticipantMenuState = {};
  for (const participant of participants) {
    if (!acceptsDtmf(participant)) state[participant.uuid] = null;
  }
  return state;
}

/**
 * The DTMF plugin: a participant-menu item for hosts that opens a keypad and sends the digits
 * with the client REST API's `participants/<uuid>/dtmf {digits}` (Pexip plugin guide,
 * sendRequest: `sendRequest('/participants/<participant_uuid>/dtmf', {digits: "1234"})`).
 */
export function createDtmfPlugin(
  api: Pick<PluginAPI, 'createNewState' | 'sendRequest'>,
): RegisterPluginOptions {
  const state$ = api.createNewState<ParticipantMenuState>({});
  let roster: Unsubscribable | undefined;
  let open: KeypadDialog | undefined;

  return {
    id: DTMF_PLUGIN_ID,
    state$,
    load(participants$) {
      roster = participants$.subscribe((participants) => state$.next(dtmfMenuState(participants)));
    },
    unload() {
      roster?.unsubscribe();
      roster = undefined;
      open?.handle.close();
      open = undefined;
    },
    openKeypad(participant: Participant) {
      // One keypad at a time: a second one would interleave two streams of tones.
      open?.handle.close();
      const path = `participants/${encodeURIComponent(participant.uuid)}/dtmf`;
      const dialog = openKeypadDialog(participant.name || participant.uri, (digits) =>
        sendNodeRequest(api, path, { digits }),
      );
      open = dialog;
      void dialog.handle.closed.then(() => {
        if (open === dialog) open = undefined;
      });
    },
  };
}
