/** The dialog body: plain HTML with webapp2's own classes, so it looks native in the real app. */
export const RECORDING_DIALOG_TITLE = 'Start recording';

export const ELEMENT_IDS = {
  address: 'ipk-recording-address',
  error: 'ipk-recording-error',
  start: 'ipk-recording-start',
} as const;

// The address is never interpolated here: it is set through `input.value` after the dialog opens,
// so nothing the user typed is ever parsed as HTML. No min-width: the dialog must fit 320 px.
// Kept small on purpose (the bundle is measured against Pexip's own recording plugin).
export const RECORDING_DIALOG_BODY =
  `<form><label>Recorder address <input id="${ELEMENT_IDS.address}" class="pex-text-input" ` +
  `placeholder="rtmp://…, sip:…, h323:…, mssip:… or an alias"></label>` +
  `<p id="${ELEMENT_IDS.error}" role="alert" hidden style="color:#c4161c;margin:0"></p>` +
  `<button id="${ELEMENT_IDS.start}" class="dialog-button green-action-button">Start recording</button></form>`;

/**
 * The dialog's live elements, found by id: the host resolves `openTemplateDialog` once the body
 * is in the DOM (seed guide; webapp2's own samples look their elements up the same way).
 */
export interface RecordingDialogElements {
  readonly form: HTMLFormElement;
  readonly address: HTMLInputElement;
  readonly error: HTMLElement;
  readonly start: HTMLButtonElement;
}

export function findDialogElements(root: Document): RecordingDialogElements {
  const [address, error, start] = Object.values(ELEMENT_IDS).map((id) => root.getElementById(id));
  return {
    form: (address as HTMLInputElement).form,
    address,
    error,
    start,
  } as RecordingDialogElements;
}

/** `undefined` clears the error and shows the dialling state; a message shows it and allows a retry. */
export function showDialState(elements: RecordingDialogElements, error?: string): void {
  const { address, start } = elements;
  elements.error.textContent = error ?? '';
  elements.error.hidden = !error;
  address.setAttribute('aria-invalid', String(!!error));
  address.style.border = error ? '2px solid #c4161c' : '';
  start.disabled = !error;
  start.textContent = error ? 'Try again' : 'Dialling the recorder…';
  if (error) address.focus();
}
