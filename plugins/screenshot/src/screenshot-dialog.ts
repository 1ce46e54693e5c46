import { captureFrame } from './frame-capture';
import { screenshotFileName } from './screenshot-file-name';
import type { VideoSource } from './video-sources';

export const SCREENSHOT_DIALOG_TITLE = 'Take a screenshot';

/** The chooser's root; its children are found by position (no id each: fewer bytes). */
const CHOOSER_ID = 'ipk-screenshot';

/** A dialog body that only says `message` (a constant of this plugin: no user text in it). */
export const messageBody = (message: string): string =>
  `<p class="pex-dialog-content-message">${message}</p>`;

/**
 * The chooser: one radio per available video (their labels are this plugin's constants), a preview
 * of the frame captured from the chosen one, "Capture again" and "Download PNG", and a hidden
 * `<a>` that saves the PNG (its `download` attribute names the file; a click on it saves). Plain
 * HTML with webapp2's classes; kept small on purpose (the bundle is measured against Pexip's own
 * plugin).
 */
export const chooserBody = (videos: readonly VideoSource[]): string =>
  `<div id="${CHOOSER_ID}"><fieldset><legend>Video</legend>` +
  videos
    .map(
      ({ label }, index) =>
        `<label style="white-space:nowrap"><input type="radio" name="${CHOOSER_ID}" value="${index}"${index ? '' : ' checked'}> ${label}</label> `,
    )
    .join('') +
  `</fieldset><img alt="Preview of the screenshot" hidden style="max-width:100%">` +
  `<p role="alert" hidden style="color:#c4161c"></p>` +
  `<button class="dialog-button blue-action-button">Capture again</button>` +
  `<button class="dialog-button green-action-button">Download PNG</button><a hidden></a></div>`;

/**
 * Wires the chooser once its body is in the document, and captures the first video at once. The
 * body goes when the dialog closes, so its handlers need no removing (hence `on…` properties).
 */
export function wireChooser(videos: readonly VideoSource[], conference: string): void {
  const [sources, preview, error, retake, download, link] = document.getElementById(CHOOSER_ID)
    ?.children as unknown as [
    HTMLElement,
    HTMLImageElement,
    HTMLElement,
    HTMLButtonElement,
    HTMLButtonElement,
    HTMLAnchorElement,
  ];
  // The index of the chosen video in `videos`, which is its radio's value.
  let chosen = 0;

  const take = (): void => {
    let reason = '';
    try {
      const pngUrl = captureFrame(videos[chosen]?.video);
      if (pngUrl) preview.src = pngUrl;
      else reason = 'This video has no picture yet.';
    } catch (refusal) {
      reason = `The browser cannot capture this video (${(refusal as Error).message}).`;
    }
    // On failure the last PNG stays in `src`, hidden and not downloadable.
    download.disabled = preview.hidden = !!reason;
    error.textContent = reason;
    error.hidden = !reason;
  };

  sources.onchange = (event) => {
    chosen = Number((event.target as HTMLInputElement).value);
    take();
  };
  retake.onclick = take;
  download.onclick = () => {
    // The preview's data URL is the PNG itself; the file is named at the time it is saved.
    link.href = preview.src;
    link.download = screenshotFileName(conference, new Date());
    link.click();
  };
  take();
}
