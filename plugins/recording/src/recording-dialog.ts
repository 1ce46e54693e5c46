/** The dialog body: plain HTML with webapp2's own classes, so it looks native in the real app. */
export const RECORDING_DIALOG_TITLE = 'Start recording';

export const ELEMENT_IDS = {
  form: 'ipk-recording-form',
  address: 'ipk-recording-address',
  error: 'ipk-recording-error',
  start: 'ipk-recording-start',
} as const;

// The address is never interpolated here: it is set through `input.value` after the dialog opens,
// so nothing the user typed is ever parsed as HTML.
export const RECORDING_DIALOG_BODY = `
<form id="${ELEMENT_IDS.form}" novalidate style="display:flex;flex-direction:column;gap:8px;min-width:280px">
  <label for="${ELEMENT_IDS.address}">Recorder address</label>
  <input id="${ELEMENT_IDS.address}" class="pex-text-input" type="text" autocomplete="off"
    spellcheck="false" placeholder="rtmp://…, sip:…, h323:…, mssip:… or an alias">
  <small>rtmp:// and rtmps:// stream over RTMP; sip:, h323: and mssip: dial that protocol;
    anything else lets the node choose.</small>
  <p id="${ELEMENT_IDS.error}" role="alert" hidden style="color:#e53935;margin:0"></p>
  <button id="${ELEMENT_IDS.start}" type="submit" class="dialog-button green-action-button">Start recording</button>
</form>`;

/** The dialog's live elements, found once the dialog is in the DOM. */
export interface RecordingDialogElements {
  readonly form: HTMLFormElement;
  readonly address: HTMLInputElement;
  readonly error: HTMLElement;
  readonly start: HTMLButtonElement;
}

export function findDialogElements(root: Document): RecordingDialogElements | undefined {
  const form = root.getElementById(ELEMENT_IDS.form);
  const address = root.getElementById(ELEMENT_IDS.address);
  const error = root.getElementById(ELEMENT_IDS.error);
  const start = root.getElementById(ELEMENT_IDS.start);
  if (
    !(form instanceof HTMLFormElement) ||
    !(address instanceof HTMLInputElement) ||
    !(start instanceof HTMLButtonElement) ||
    !error
  ) {
    return undefined;
  }
  return { form, address, error, start };
}

export function showDialogError(elements: RecordingDialogElements, message: string): void {
  elements.error.textContent = message;
  elements.error.hidden = false;
  elements.address.setAttribute('aria-invalid', 'true');
  elements.address.style.border = '2px solid #e53935';
  elements.start.disabled = false;
  elements.start.textContent = 'Try again';
  elements.address.focus();
}

export function showDialling(elements: RecordingDialogElements): void {
  elements.error.hidden = true;
  elements.error.textContent = '';
  elements.address.removeAttribute('aria-invalid');
  elements.address.style.border = '';
  elements.start.disabled = true;
  elements.start.textContent = 'Dialling the recorder…';
}
