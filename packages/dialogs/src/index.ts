// The public surface of @ipk/dialogs. Importing it registers every component (versioned tags:
// see define-element.ts); import a single component's module (`@ipk/dialogs/dtmf-keypad`) to
// bundle only that one.
export { defineElement, versionedTagName, COMPONENTS_VERSION } from './define-element.js';
export type { VersionedElementClass } from './define-element.js';

export { IpkDialog, DIALOG_TAG } from './dialog.js';
export type { DialogBackdrop, DialogCloseDetail } from './dialog.js';
export { openDialog } from './open-dialog.js';
export type { DialogContent, DialogHandle, OpenDialogOptions } from './open-dialog.js';

export { IpkButton, BUTTON_TAG, buttonVariant } from './button.js';
export type { ButtonVariant } from './button.js';

export { IpkTextInput, TEXT_INPUT_TAG } from './text-input.js';
export type { TextInputValueDetail } from './text-input.js';
export { textInputValidationMessage } from './text-input-validation.js';
export type { TextInputRules } from './text-input-validation.js';

export { IpkSelect, SELECT_TAG } from './select.js';
export type { SelectChangeDetail, SelectOption } from './select.js';

export { IpkCheckbox, CHECKBOX_TAG } from './checkbox.js';
export type { CheckboxChangeDetail } from './checkbox.js';

export { IpkDtmfKeypad, DTMF_KEYPAD_TAG } from './dtmf-keypad.js';
export type { DigitDetail } from './dtmf-keypad.js';
export { DTMF_DIGITS, DTMF_LETTERS, dtmfDigitForKey } from './dtmf-digits.js';
export type { DtmfDigit } from './dtmf-digits.js';

export { IpkLayoutPicker, LAYOUT_PICKER_TAG, layoutPicture } from './layout-picker.js';
export type { LayoutSelectDetail } from './layout-picker.js';
export { PEXIP_LAYOUTS, describeLayout, layoutTiles } from './layout-tiles.js';
export type { LayoutDescription, LayoutTile } from './layout-tiles.js';

export { IpkToast, TOAST_TAG, showToast } from './toast.js';
export type { ShowToastOptions, ToastHandle, ToastKind } from './toast.js';

export { APP_CLASSES_CSS, adoptAppClasses } from './app-classes.js';
export { tabbableElements, deepActiveElement } from './tabbable-elements.js';
