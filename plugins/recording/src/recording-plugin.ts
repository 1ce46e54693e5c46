import type {
  DialOutResult,
  DialogRef,
  Participant,
  PexGlobal,
  PluginState,
  RegisterPluginOptions,
} from '@ipk/plugin-api';
import type { AddressStore } from './address-store';
import { recorderDial } from './recorder-address';
import {
  RECORDING_DIALOG_BODY,
  RECORDING_DIALOG_TITLE,
  findDialogElements,
  showDialling,
  showDialogError,
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

interface Unsubscribable {
  unsubscribe(): void;
}

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
  pex: PexGlobal,
  addresses: AddressStore,
): RegisterPluginOptions {
  const state$ = pex.pluginAPI.createNewState<PluginState>(START_RECORDING);
  let roster: readonly Participant[] = [];
  let dialledUuid: string | undefined;
  let rosterSubscription: Unsubscribable | undefined;
  let openDialog: DialogRef | undefined;

  function showRoster(participants: readonly Participant[]): void {
    roster = participants;
    state$.next(findRecorder(participants, dialledUuid) ? STOP_RECORDING : START_RECORDING);
  }

  function dial(elements: RecordingDialogElements, dialog: DialogRef): void {
    const address = elements.address.value.trim();
    if (!address) {
      showDialogError(
        elements,
        "Enter the recorder's address, for example rtmp://recorder.example.com/live/key.",
      );
      return;
    }
    addresses.write(address);
    const { destination, protocol } = recorderDial(address);
    showDialling(elements);
    const answered = (answer: DialOutResult) => {
      const uuid = answer.result[0];
      if (uuid === undefined) {
        showDialogError(
          elements,
          `The conference could not dial ${destination} (${protocol}). Check the address and try again.`,
        );
        return;
      }
      dialledUuid = uuid;
      dialog.close();
    };
    try {
      pex.pluginAPI.dialOut(destination, protocol, 'guest', answered, { streaming: true });
    } catch (error) {
      showDialogError(
        elements,
        `Dialling failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  function wireDialog(dialog: DialogRef): void {
    openDialog = dialog;
    dialog.close$.subscribe(() => {
      if (openDialog === dialog) openDialog = undefined;
    });
    const elements = findDialogElements(document);
    if (!elements) return;
    elements.address.value = addresses.read();
    elements.form.addEventListener('submit', (event) => {
      event.preventDefault();
      dial(elements, dialog);
    });
    elements.address.focus();
  }

  return {
    id: RECORDING_PLUGIN_ID,
    state$,
    load(participants$) {
      rosterSubscription = participants$.subscribe(showRoster);
    },
    unload() {
      rosterSubscription?.unsubscribe();
      rosterSubscription = undefined;
      openDialog?.close();
      openDialog = undefined;
    },
    // Toolbar action: webapp2 passes the participants (seed: `recordConference(participants)`).
    recordConference(participants?: Participant[]) {
      const recorder = findRecorder(participants ?? roster, dialledUuid);
      if (recorder) {
        pex.pluginAPI.disconnectParticipant(recorder.uuid);
        if (recorder.uuid === dialledUuid) dialledUuid = undefined;
        return;
      }
      void Promise.resolve(
        pex.pluginAPI.openTemplateDialog({
          title: RECORDING_DIALOG_TITLE,
          body: RECORDING_DIALOG_BODY,
        }),
      ).then(wireDialog);
    },
  };
}
