import { captureFrame, downloadPng, type FrameCapture } from './frame-capture';
import type { VideoSource } from './video-sources';

export const SCREENSHOT_DIALOG_TITLE = 'Take a screenshot';

/** The chooser's root; its children are found by position (no id each: fewer bytes). */
export const CHOOSER_ID = 'ipk-screenshot';

/** A dialog body that only says `message` (a constant of this plugin: no user text in it). */
export const messageBody = (message: string): string =>
  `<p class="pex-dialog-content-message">${message}</p>`;

/**
 * The chooser: one radio per available video (their labels are this plugin's constants), a preview
 * of the frame captured from the chosen one, "Capture again" and "Download PNG". Plain HTML with
 * webapp2's classes; kept small on purpose (the bundle is measured against Pexip's own plugin).
 */
export const chooserBody = (videos: readonly VideoSource[]): string =>
  `<div id="${CHOOSER_ID}"><fieldset><legend>Video</legend>` +
  videos
    .map(
      (source, index) =>
        `<label style="white-space:nowrap"><input type="radio" name="${CHOOSER_ID}" value="${index}"${index ? '' : ' checked'}> ${source.label}</label> `,
    )
    .join('') +
  `</fieldset><img alt="Preview of the screenshot" hidden style="max-width:100%">` +
  `<p role="alert" hidden style="color:#c4161c"></p>` +
  `<button class="dialog-button blue-action-button">Capture again</button>` +
  `<button class="dialog-button green-action-button">Download PNG</button></div>`;

/** Wires the chooser once its body is in the document; captures the first video at once. */
export function wireChooser(videos: readonly VideoSource[], fileName: () => string): void {
  const [sources, preview, error, retake, download] = document.getElementById(CHOOSER_ID)
    ?.children as unknown as [
    HTMLElement,
    HTMLImageElement,
    HTMLElement,
    HTMLButtonElement,
    HTMLButtonElement,
  ];
  let chosen = videos[0];
  let pngUrl: string | undefined;

  const showError = (reason?: string): void => {
    error.textContent = reason ?? '';
    error.hidden = !reason;
  };
  const take = (): void => {
    if (!chosen) return;
    const capture: FrameCapture = captureFrame(chosen.video);
    pngUrl = 'pngUrl' in capture ? capture.pngUrl : undefined;
    download.disabled = preview.hidden = !pngUrl;
    if (pngUrl) preview.src = pngUrl;
    showError('reason' in capture ? capture.reason : undefined);
  };

  sources.addEventListener('change', (event) => {
    chosen = videos[Number((event.target as HTMLInputElement).value)];
    take();
  });
  retake.addEventListener('click', take);
  download.addEventListener('click', () => {
    if (pngUrl) downloadPng(pngUrl, fileName());
  });
  take();
}
