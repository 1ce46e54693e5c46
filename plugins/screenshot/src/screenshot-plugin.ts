import type {
  ConferenceDetails,
  ConferenceMediaType,
  RegisterPluginOptions,
} from '@ipk/plugin-api';
import { createUnloader, registerDialog, type PexSubset } from '@ipk/plugin-api/unloader';
import {
  SCREENSHOT_DIALOG_TITLE,
  chooserBody,
  messageBody,
  wireChooser,
} from './screenshot-dialog';
import { screenshotFileName } from './screenshot-file-name';
import { availableVideos } from './video-sources';

/** Must equal the package file's `id` (the build checks it). */
export const SCREENSHOT_PLUGIN_ID = 'screenshot-plugin-1.0';

/**
 * Seed, conference properties, `mediaType`: `audioonly` (an audio-only call) and `none` (only
 * control participants) have no video to capture; `video`, or no details, may.
 */
export function noVideoReason(mediaType: ConferenceMediaType | undefined): string | undefined {
  return mediaType === 'audioonly' || mediaType === 'none'
    ? 'This conference has no video to take a screenshot of.'
    : undefined;
}

export const NO_VIDEO_YET = 'No video is showing yet. Try again once the conference video appears.';

type ScreenshotPex = PexSubset<'openTemplateDialog', 'pexrtc'>;

/** The conference's name for the file: PexRTC's (`PEX.pexrtc`: webapp2-in-the-wild.md). */
function conferenceName(pex: ScreenshotPex): string {
  return pex.pexrtc?.conference_name || pex.pexrtc?.conference || 'conference';
}

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
      const reason = noVideoReason(details?.mediaType);
      const videos = reason ? [] : availableVideos();
      const message = reason ?? (videos.length > 0 ? undefined : NO_VIDEO_YET);
      await registerDialog(
        registered,
        pex.pluginAPI.openTemplateDialog({
          title: SCREENSHOT_DIALOG_TITLE,
          body: message ? messageBody(message) : chooserBody(videos),
        }),
      );
      if (!message) wireChooser(videos, () => screenshotFileName(conferenceName(pex), new Date()));
    },
  };
}
