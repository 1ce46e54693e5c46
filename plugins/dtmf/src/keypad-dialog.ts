// One module per component (not the package root) so only these four are bundled.
import { BUTTON_TAG } from '@ipk/dialogs/button';
import { DTMF_KEYPAD_TAG, type DigitDetail, type IpkDtmfKeypad } from '@ipk/dialogs/dtmf-keypad';
import { openDialog, type DialogHandle } from '@ipk/dialogs/open-dialog';
import { TEXT_INPUT_TAG, type IpkTextInput } from '@ipk/dialogs/text-input';
import { checkDtmfDigits } from './dtmf-digits';

/** What the keypad dialog asks of the plugin: send these digits, say whether the node took them. */
export type SendDigits = (digits: string) => Promise<{ ok: true } | { ok: false; reason: string }>;

export const KEYPAD_DIALOG_CLASS = 'ipk-dtmf-plugin';

/**
 * Opens the keypad for one participant. A key clicked (or typed while the keypad has focus) is
 * sent at once, like a phone; the text field sends a whole sequence (e.g. a conference PIN
 * followed by `#`). Requests go out one after another, so digits reach the far end in order.
 */
export function openKeypadDialog(participantName: string, send: SendDigits): DialogHandle {
  const content = document.createElement('div');
  content.className = KEYPAD_DIALOG_CLASS;

  const keypad = document.createElement(DTMF_KEYPAD_TAG) as IpkDtmfKeypad;
  keypad.label = `Keypad for ${participantName}`;

  const form = document.createElement('form');
  const typed = document.createElement(TEXT_INPUT_TAG) as IpkTextInput;
  typed.label = 'Digits';
  typed.placeholder = 'e.g. 1234#';
  typed.validate = (value: string) => {
    const check = checkDtmfDigits(value);
    return check.ok || value === '' ? undefined : check.message;
  };
  const sendButton = document.createElement(BUTTON_TAG);
  sendButton.setAttribute('variant', 'green');
  sendButton.textContent = 'Send';
  form.append(typed, sendButton);

  const sentLine = document.createElement('p');
  sentLine.setAttribute('role', 'status');
  const errorLine = document.createElement('p');
  errorLine.setAttribute('role', 'alert');
  content.append(keypad, form, sentLine, errorLine);

  let confirmed = '';
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (digits: string): void => {
    queue = queue.then(async () => {
      const outcome = await send(digits);
      if (outcome.ok) {
        confirmed += digits;
        errorLine.textContent = '';
      } else {
        errorLine.textContent = `Could not send ${digits}: ${outcome.reason}`;
      }
      // The keypad shows what it was pressed; it must show what the node took instead.
      keypad.sent = confirmed;
      sentLine.textContent = confirmed === '' ? '' : `Sent: ${confirmed}`;
    });
  };

  keypad.addEventListener('ipk-digit', (event) => {
    enqueue((event as CustomEvent<DigitDetail>).detail.digit);
  });
  const sendTyped = (): void => {
    const check = checkDtmfDigits(typed.value);
    if (!check.ok) {
      typed.error = check.message;
      return;
    }
    typed.error = '';
    typed.value = '';
    enqueue(check.digits);
  };
  sendButton.addEventListener('click', sendTyped);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendTyped();
  });
  // ipk-text-input wraps its own <input> in a shadow root: Enter there does not submit our form.
  typed.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      sendTyped();
    }
  });

  return openDialog({ title: `Send DTMF to ${participantName}`, content });
}
