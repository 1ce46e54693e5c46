import type { DialogRef, PexGlobal } from '@ipk/plugin-api';
import { captureFrame, downloadPng, type FrameCapture } from './frame-capture';
import type { VideoSource } from './video-sources';

export const SCREENSHOT_DIALOG_TITLE = 'Take a screenshot';

export const ELEMENT_IDS = {
  sources: 'ipk-screenshot-sources',
  preview: 'ipk-screenshot-preview',
  error: 'ipk-screenshot-error',
  retake: 'ipk-screenshot-retake',
  download: 'ipk-screenshot-download',
} as const;

const BODY = `
<div style="display:flex;flex-direction:column;gap:10px;min-width:300px;max-width:640px">
  <fieldset id="${ELEMENT_IDS.sources}" style="border:0;margin:0;padding:0;display:flex;gap:12px;flex-wrap:wrap">
    <legend>Video</legend>
  </fieldset>
  <img id="${ELEMENT_IDS.preview}" alt="Preview of the screenshot" hidden style="max-width:100%;border-radius:4px">
  <p id="${ELEMENT_IDS.error}" role="alert" hidden style="color:#e53935;margin:0"></p>
  <div class="buttons">
    <button id="${ELEMENT_IDS.retake}" type="button" class="dialog-button blue-action-button">Capture again</button>
    <button id="${ELEMENT_IDS.download}" type="button" class="dialog-button green-action-button">Download PNG</button>
  </div>
</div>`;

/** Opens a dialog that only says `message` (audio-only conference, no video yet). */
export function openMessageDialog(pex: PexGlobal, message: string): PromiseLike<DialogRef> {
  const paragraph = document.createElement('p');
  paragraph.className = 'pex-dialog-content-message';
  paragraph.textContent = message;
  return pex.pluginAPI.openTemplateDialog({
    title: SCREENSHOT_DIALOG_TITLE,
    body: paragraph.outerHTML,
  });
}

interface DialogElements {
  readonly sources: HTMLElement;
  readonly preview: HTMLImageElement;
  readonly error: HTMLElement;
  readonly retake: HTMLButtonElement;
  readonly download: HTMLButtonElement;
}

function findElements(): DialogElements | undefined {
  const byId = (id: string) => document.getElementById(id);
  const sources = byId(ELEMENT_IDS.sources);
  const preview = byId(ELEMENT_IDS.preview);
  const error = byId(ELEMENT_IDS.error);
  const retake = byId(ELEMENT_IDS.retake);
  const download = byId(ELEMENT_IDS.download);
  if (!sources || !(preview instanceof HTMLImageElement) || !error) return undefined;
  if (!(retake instanceof HTMLButtonElement) || !(download instanceof HTMLButtonElement))
    return undefined;
  return { sources, preview, error, retake, download };
}

/**
 * The chooser: one radio per available video, a preview of the frame captured from the chosen
 * one, "Capture again" for a fresh frame and "Download PNG".
 */
export async function openScreenshotChooser(
  pex: PexGlobal,
  videos: readonly VideoSource[],
  fileName: () => string,
): Promise<DialogRef> {
  const dialog = await pex.pluginAPI.openTemplateDialog({
    title: SCREENSHOT_DIALOG_TITLE,
    body: BODY,
  });
  const elements = findElements();
  if (!elements) return dialog;
  let capture: FrameCapture | undefined;
  let chosen = videos[0];

  const showError = (reason: string | undefined) => {
    elements.error.textContent = reason ?? '';
    elements.error.hidden = reason === undefined;
  };
  const take = () => {
    if (!chosen) return;
    capture = captureFrame(chosen.video);
    elements.download.disabled = !capture.ok;
    elements.preview.hidden = !capture.ok;
    if (capture.ok) elements.preview.src = capture.previewUrl;
    showError(capture.ok ? undefined : capture.reason);
  };

  videos.forEach((source, index) => {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'ipk-screenshot-source';
    radio.value = String(index);
    radio.checked = index === 0;
    radio.addEventListener('change', () => {
      chosen = source;
      take();
    });
    label.append(radio, ` ${source.label}`);
    elements.sources.append(label);
  });
  elements.retake.addEventListener('click', take);
  elements.download.addEventListener('click', () => {
    if (!capture?.ok) return;
    downloadPng(capture.canvas, fileName()).then(
      () => showError(undefined),
      (error: Error) => showError(error.message),
    );
  });
  take();
  return dialog;
}
