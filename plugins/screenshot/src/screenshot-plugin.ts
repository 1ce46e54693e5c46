import type {
  ConferenceDetails,
  ConferenceMediaType,
  DialogRef,
  PexGlobal,
  RegisterPluginOptions,
} from '@ipk/plugin-api';
import { openMessageDialog, openScreenshotChooser } from './screenshot-dialog';
import { screenshotFileName } from './screenshot-file-name';
import { availableVideos } from './video-sources';

/** Must equal the package file's `id` (the build checks it). */
export const SCREENSHOT_PLUGIN_ID = 'screenshot-plugin-1.0';

/** Seed, conference properties, `mediaType`: why there is nothing to capture, or undefined. */
export function noVideoReason(mediaType: ConferenceMediaType | undefined): string | undefined {
  if (mediaType === 'audioonly') {
    return 'This is an audio-only conference: there is no video to take a screenshot of.';
  }
  if (mediaType === 'none') {
    return 'Only control participants are connected: there is no video to take a screenshot of.';
  }
  return undefined;
}

export const NO_VIDEO_YET = 'No video is showing yet. Try again once the conference video appears.';

/** The conference's name for the file: the PexRTC call's alias, else the joined alias, else the URL's. */
function conferenceName(pex: PexGlobal, joinedAlias: string | undefined): string {
  return (
    pex.pexrtc?.conference_name ||
    pex.pexrtc?.conference ||
    joinedAlias ||
    pex.conferenceQueryParams?.['conference'] ||
    'conference'
  );
}

interface Unsubscribable {
  unsubscribe(): void;
}

export function createScreenshotPlugin(
  pex: PexGlobal,
  now: () => Date = () => new Date(),
): RegisterPluginOptions {
  let conference: ConferenceDetails | undefined;
  let joinedAlias: string | undefined;
  const subscriptions: Unsubscribable[] = [];
  const dialogs = new Set<DialogRef>();

  function track(dialog: DialogRef): void {
    dialogs.add(dialog);
    dialog.close$.subscribe(() => dialogs.delete(dialog));
  }

  return {
    id: SCREENSHOT_PLUGIN_ID,
    load(_participants$, conferenceDetails$) {
      subscriptions.push(conferenceDetails$.subscribe((details) => (conference = details)));
      // '[Conference] Connect Success' carries the alias joined (webapp2-in-the-wild.md).
      subscriptions.push(
        pex.actions$.ofType('[Conference] Connect Success').subscribe((action) => {
          const alias = (action.payload as { alias?: unknown } | undefined)?.alias;
          if (typeof alias === 'string') joinedAlias = alias;
        }),
      );
    },
    unload() {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
      for (const dialog of [...dialogs]) dialog.close();
    },
    // Conference menu action: webapp2 passes the conference details (seed, "Plugin source file").
    openScreenshotDialog(details?: ConferenceDetails) {
      const reason = noVideoReason((details ?? conference)?.mediaType);
      const videos = reason ? [] : availableVideos();
      const opened =
        reason || videos.length === 0
          ? openMessageDialog(pex, reason ?? NO_VIDEO_YET)
          : openScreenshotChooser(pex, videos, () =>
              screenshotFileName(conferenceName(pex, joinedAlias), now()),
            );
      void Promise.resolve(opened).then(track);
    },
  };
}
