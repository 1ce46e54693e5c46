/**
 * Type-level specification of the plugin API, checked by `tsc --noEmit` (npm run typecheck) and
 * by `vitest --typecheck`. The first block is the Pexip guide's recording plugin written in
 * TypeScript: it must compile. Each `@ts-expect-error` below is a misuse that must not.
 */
import './global.js';
import type { Observable } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ChatMessage,
  ConferenceDetails,
  DialogRef,
  DialOutResult,
  Participant,
  PexGlobal,
  PluginState,
  ToolbarAction,
} from './pex.js';

describe("the guide's recording plugin", () => {
  it('compiles as written, with types flowing into every callback', () => {
    const state$ = window.PEX.pluginAPI.createNewState({});
    let uuid: string | undefined;
    let connecting = false;

    function load(participants$: Observable<Participant[]>): void {
      participants$.subscribe((participants) => {
        const streaming = participants.filter((p) => p.uuid === uuid && p.isStreaming).length > 0;
        const state: PluginState = streaming
          ? { icon: 'stopRecording.svg#stopRecording', label: 'Stop recording' }
          : { icon: 'startRecording.svg#startRecording', label: 'Start recording' };
        state$.next(state);
      });
    }

    const recordConference: ToolbarAction = (participants) => {
      if (connecting) return;
      if (participants.some((p) => p.uuid === uuid && p.isStreaming)) {
        window.PEX.pluginAPI.disconnectParticipant(uuid ?? '');
      } else {
        startRecording();
      }
    };

    function startRecording(): void {
      PEX.pluginAPI
        .openTemplateDialog({ title: 'Record alias', body: '<form><input id="alias" /></form>' })
        .then((dialogRef) => {
          expectTypeOf(dialogRef).toEqualTypeOf<DialogRef>();
          connecting = true;
          window.PEX.pluginAPI.dialOut(
            'rtmp://example/live',
            'auto',
            'guest',
            (value) => {
              expectTypeOf(value).toEqualTypeOf<DialOutResult>();
              connecting = false;
              uuid = value.result[0];
              dialogRef.close();
            },
            { streaming: true },
          );
        });
    }

    PEX.pluginAPI.registerPlugin({
      id: 'recording-plugin-1.0',
      load,
      unload: () => console.log('unload recording-plugin'),
      recordConference,
      state$,
    });
  });
});

describe('PEX.pluginAPI', () => {
  it('types every call of the guide and of real plugins', () => {
    const api = PEX.pluginAPI;
    expectTypeOf(api.sendRequest('/lock')).resolves.toHaveProperty('status');
    api.sendRequest('participants/x/dtmf', { digits: '1234' });
    api.sendRequest('muteguests', undefined, (reply) => expectTypeOf(reply.result).toBeUnknown());
    api.spotlightOnParticipant('uuid');
    api.spotlightOffParticipant('uuid');
    api.transformConferenceLayout({ layout: '4:0', streaming: { waiting_screen_enabled: true } });
    api.transformConferenceLayout({ layout: 'some-future-layout' });
    api.transformConferenceLayout({});
    api.changeConferenceLayout({
      layouts: [{ layout: '1:7', actors: ['a'], audience: ['b'], plus_n: true }],
    });
    api.sendChatMessage('Here is some chat');
    api.sendChatMessage({ type: PEX.actions.SEND_CHAT_MESSAGE, payload: 'hi' });
    api.getPluginMenuItem('plugin', 'item').hide();
    api
      .openTemplateDialog({ title: null, isCloseDisabled: true }, 'static', 1001)
      .subscribe((ref) => {
        ref.viewInit$.subscribe(() => ref.close('done'));
      });
    api.openTemplateDialog({ body: '<p>x</p>' }).subscribe();
  });

  it('gives participant-menu state per uuid and toolbar state as {icon, label}', () => {
    const toolbar$ = PEX.pluginAPI.createNewState<PluginState>({ icon: null, label: 'Start' });
    toolbar$.next({ icon: 'a.svg#a', label: null });
    const perParticipant$ = PEX.pluginAPI.createNewState({});
    perParticipant$.next({ 'uuid-1': { label: 'Video mute' }, 'uuid-2': null });
  });

  it('refuses misuse', () => {
    // @ts-expect-error dialOut needs a callback
    PEX.pluginAPI.dialOut('alias', 'sip', 'guest');
    // @ts-expect-error 'webrtc' is not a dial-out protocol
    PEX.pluginAPI.dialOut('alias', 'webrtc', 'guest', () => undefined);
    // @ts-expect-error 'viewer' is not a role
    PEX.pluginAPI.dialOut('alias', 'sip', 'viewer', () => undefined);
    // @ts-expect-error registerPlugin needs an id
    PEX.pluginAPI.registerPlugin({ load: () => undefined, unload: () => undefined });
    // @ts-expect-error registerPlugin needs unload
    PEX.pluginAPI.registerPlugin({ id: 'x', load: () => undefined });
    // @ts-expect-error a state is {icon, label}, not a string
    PEX.pluginAPI.createNewState().next('Start');
    // @ts-expect-error enable_overlay_text is a boolean
    PEX.pluginAPI.transformConferenceLayout({ enable_overlay_text: 'yes' });
    // @ts-expect-error the dialog title is a string or null
    PEX.pluginAPI.openTemplateDialog({ title: 1 });
    // @ts-expect-error spotlight takes a uuid
    PEX.pluginAPI.spotlightOnParticipant({ uuid: 'x' });
    // @ts-expect-error there is no such call
    PEX.pluginAPI.muteEveryone();
    const participant = {} as Participant;
    // @ts-expect-error role is chair or guest
    participant.role = 'host';
    // @ts-expect-error mediaType is video, audioonly or none
    const media: ConferenceDetails['mediaType'] = 'audio';
    void media;
  });
});

describe('PEX.actions$', () => {
  it('narrows the payload by action type, and chains RxJS-5 style', () => {
    PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe((action) => {
      expectTypeOf(action.payload).toEqualTypeOf<ChatMessage>();
      action.payload.payload.startsWith('The thing I am looking for');
    });
    PEX.actions$
      .ofType(PEX.actions.PARTICIPANT_DISCONNECT_SUCCESS)
      .filter((action) => action.payload === 'uuid')
      .map((action) => action.payload)
      .subscribe((uuid) => expectTypeOf(uuid).toBeString());
    PEX.actions$.ofType('[Conference] Buzz Changed').subscribe((action) => {
      expectTypeOf(action.payload).toEqualTypeOf<{ buzzTime: number; name: string }>();
    });
    PEX.actions$.ofType('[Some] Unlisted Action').subscribe((action) => {
      expectTypeOf(action.type).toBeString();
    });
    const subscription = PEX.actions$.subscribe({
      next: (action) => expectTypeOf(action.type).toBeString(),
      error: () => undefined,
    });
    subscription.unsubscribe();
  });

  it('refuses reading a payload field an action does not have', () => {
    PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe((action) => {
      // @ts-expect-error a chat message has no "text" field (the text is payload.payload)
      void action.payload.text;
    });
  });
});

describe('window.PEX', () => {
  it('is the same PexGlobal as the global PEX, with the app extras', () => {
    expectTypeOf(window.PEX).toEqualTypeOf<PexGlobal>();
    expectTypeOf(PEX.conferenceQueryParams).toEqualTypeOf<Readonly<Record<string, string>>>();
    new URLSearchParams(PEX.conferenceQueryParams);
    PEX.dispatchAction({ type: '[Conference] Mute Camera' });
    const rtc = PEX.pexrtc;
    rtc.onParticipantCreate = (participant) => expectTypeOf(participant.uuid).toBeString();
    rtc.setParticipantText('uuid', 'Guest 1234');
    rtc.sendChatMessage('hi', 'uuid');
    expectTypeOf(rtc.muteVideo(true)).toBeBoolean();
    expectTypeOf(rtc.mutedAudio).toBeBoolean();
    expectTypeOf(rtc.call.pc).toEqualTypeOf<RTCPeerConnection | null>();
    expectTypeOf(PEX.selfUUID).toEqualTypeOf<string | undefined>();
  });

  it('is read-only where the host keeps it so: a plugin cannot replace the shared API', () => {
    const replacement = { ...PEX.pluginAPI };
    // @ts-expect-error PEX.pluginAPI is the host's, shared by every plugin
    PEX.pluginAPI = replacement;
    // @ts-expect-error PEX.pexrtc.mutedAudio reports the self-media state; muteAudio() changes it
    PEX.pexrtc.mutedAudio = true;
  });

  it('chains RxJS 5 style operators on actions$, as older plugins write them', () => {
    PEX.actions$
      .ofType(PEX.actions.PARTICIPANT_CONNECT_SUCCESS)
      .filter((action) => action.payload.name !== '')
      .map((action) => action.payload.uuid)
      .take(1)
      .subscribe((uuid) => expectTypeOf(uuid).toBeString());
  });
});
