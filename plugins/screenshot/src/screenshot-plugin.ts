import type { ConferenceDetails, RegisterPluginOptions } from '@ipk/plugin-api';
import { createUnloader, registerDialog, type PexSubset } from '@ipk/plugin-api/unloader';
import {
  SCREENSHOT_DIALOG_TITLE,
  chooserBody,
  messageBody,
  wireChooser,
} from './screenshot-dialog';
import { availableVideos } from './video-sources';

/** Must equal the package file's `id` (the build checks it). */
export const SCREENSHOT_PLUGIN_ID = 'screenshot-plugin-1.0';

export const NO_VIDEO_IN_CONFERENCE = 'This conference has no video to take a screenshot of.';
export const NO_VIDEO_YET = 'No video is showing yet. Try again once the conference video appears.';

type ScreenshotPex = PexSubset<'openTemplateDialog', 'pexrtc'>;

export function createScreenshotPlugin(pex: ScreenshotPex): RegisterPluginOptions {
  const registered = createUnloader();

  return {
    id: SCREENSHOT_PLUGIN_ID,
    load() {
      // Nothing to follow: the conference menu action receives the conference details.
    },
    unload: () => registered.unload(),
    // Conference menu action: webapp2 passes the conference details (seed: "from the conference
    // control menu the conference properties are available").
    async openScreenshotDialog(details?: ConferenceDetails) {
      const mediaType = details?.mediaType;
      const videos = availableVideos();
      // `audioonly` (an audio-only call) and `none` (only control participants) have no video to
      // capture, whatever the page still shows; `video`, or no details, may.
      const message =
        mediaType === 'audioonly' || mediaType === 'none'
          ? NO_VIDEO_IN_CONFERENCE
          : videos.length
            ? ''
            : NO_VIDEO_YET;
      await registerDialog(
        registered,
        pex.pluginAPI.openTemplateDialog({
          title: SCREENSHOT_DIALOG_TITLE,
          body: message ? messageBody(message) : chooserBody(videos),
        }),
      );
      if (!message) {
        // The file is named after the conference: PexRTC's name for it (`PEX.pexrtc`,
        // webapp2-in-the-wild.md); screenshotFileName falls back to "conference" without one.
        wireChooser(videos, pex.pexrtc?.conference_name || pex.pexrtc?.conference || '');
      }
    },
  };
}
