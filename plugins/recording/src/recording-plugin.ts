import type {
  DialOutResult,
  Participant,
  PluginState,
  RegisterPluginOptions,
} from '@ipk/plugin-api';
import {
  createUnloader,
  registerDialog,
  registerSubscription,
  type PexSubset,
} from '@ipk/plugin-api/unloader';
import { browserAddressStore } from './address-store';
import { recorderDial } from './recorder-address';
import {
  RECORDING_DIALOG_BODY,
  RECORDING_DIALOG_TITLE,
  findDialogElements,
  showDialState,
  type RecordingDialogElements,
} from './recording-dialog';

/** Must equal the package file's `id` (the build checks it). */
export const RECORDING_PLUGIN_ID = 'recording-plugin-1.0';

export const START_RECORDING: PluginState = {
  icon: 'assets/start-recording.svg#start-recording',
  label: 'Start recording',
};
export const STOP_RECORDING: PluginState = {
  icon: 'assets/stop-recording.svg#stop-recording',
  label: 'Stop recording',
};

/**
 * The recorder is a streaming participant (seed, participant properties: `isStreaming`, "a
 * streaming/recording participant"). The one this browser dialled wins; otherwise any streaming
 * participant counts, so a recording started by another host (or by the node's own rules) shows
 * as recording here too and can be stopped from here.
 */
export function findRecorder(
  participants: readonly Participant[],
  dialledUuid: string | undefined,
): Participant | undefined {
  const streaming = participants.filter((participant) => participant.isStreaming);
  return streaming.find((participant) => participant.uuid === dialledUuid) ?? streaming[0];
}

/**
 * The seed's recording plugin, done well: the same id, toolbar action and `dialOut(…, {streaming:
 * true})`, plus protocol detection, a failed dial that says why and lets the host retry, and
 * state that follows whichever recorder is in the roster.
 */
export function createRecordingPlugin(
  pex: PexSubset<'createNewState' | 'dialOut' | 'disconnectParticipant' | 'openTemplateDialog'>,
): RegisterPluginOptions {
  const addresses = browserAddressStore();
  const state$ = pex.pluginAPI.createNewState<PluginState>(START_RECORDING);
  const registered = createUnloader();
  let roster: readonly Participant[] = [];
  let dialledUuid: string | undefined;

  function dial(elements: RecordingDialogElements, close: () => void): void {
    const address = elements.address.value.trim();
    if (!address) {
      showDialState(elements, "Enter the recorder's address.");
      return;
    }
    addresses.write(address);
    const { destination, protocol } = recorderDial(address);
    showDialState(elements);
    const answered = ({ result: [uuid] }: DialOutResult): void => {
      if (uuid === undefined) {
        showDialState(
          elements,
          `The conference could not dial ${destination} (${protocol}). Check the address and try again.`,
        );
        return;
      }
      dialledUuid = uuid;
      close();
    };
    try {
      pex.pluginAPI.dialOut(destination, protocol, 'guest', answered, { streaming: true });
    } catch (error) {
      showDialState(elements, `Dialling failed: ${(error as Error).message}`);
    }
  }

  return {
    id: RECORDING_PLUGIN_ID,
    state$,
    load(participants$) {
      registerSubscription(registered, participants$, (participants) => {
        roster = participants;
        state$.next(findRecorder(participants, dialledUuid) ? STOP_RECORDING : START_RECORDING);
      });
    },
    unload: () => registered.unload(),
    // Toolbar action: webapp2 passes the participants (seed: `recordConference(participants)`).
    async recordConference(participants?: Participant[]) {
      const recorder = findRecorder(participants ?? roster, dialledUuid);
      if (recorder) {
        pex.pluginAPI.disconnectParticipant(recorder.uuid);
        if (recorder.uuid === dialledUuid) dialledUuid = undefined;
        return;
      }
      const dialog = await registerDialog(
        registered,
        pex.pluginAPI.openTemplateDialog({
          title: RECORDING_DIALOG_TITLE,
          body: RECORDING_DIALOG_BODY,
        }),
      );
      const elements = findDialogElements(document);
      elements.address.value = addresses.read();
      elements.form.addEventListener('submit', (event) => {
        event.preventDefault();
        dial(elements, () => dialog.close());
      });
      elements.address.focus();
    },
  };
}
