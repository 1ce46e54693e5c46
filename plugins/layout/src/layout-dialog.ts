// One module per component, not the package root: only what the dialog uses is bundled.
import { BUTTON_TAG } from '@ipk/dialogs/button';
import { CHECKBOX_TAG, type IpkCheckbox } from '@ipk/dialogs/checkbox';
import {
  LAYOUT_PICKER_TAG,
  type IpkLayoutPicker,
  type LayoutSelectDetail,
} from '@ipk/dialogs/layout-picker';
import { describeLayout } from '@ipk/dialogs/layout-tiles';
import { openDialog, type DialogHandle } from '@ipk/dialogs/open-dialog';
import type { LayoutTransforms } from '@ipk/plugin-api';
import {
  OFFERED_LAYOUTS,
  type AppliedLayout,
  type LayoutKey,
  type PickerSpec,
} from './layout-choice';
import type { RequestOutcome } from '@ipk/plugin-api';

/** Sends one `transform_layout` and says whether the node took it. */
export type ApplyTransforms = (transforms: LayoutTransforms) => Promise<RequestOutcome>;

export const LAYOUT_DIALOG_CLASS = 'ipk-layout-plugin';

/** `2 × 2 (4:0)`, or the default when nothing was set from here. */
export function describeApplied(applied: AppliedLayout, pickers: readonly PickerSpec[]): string {
  const parts = pickers
    .map(({ key, heading }) => {
      const layout = applied[key];
      if (layout === undefined) return undefined;
      const named = `${describeLayout(layout).name} (${layout})`;
      return pickers.length > 1 ? `${heading.toLowerCase()} ${named}` : named;
    })
    .filter((part): part is string => part !== undefined);
  const names =
    applied.enable_overlay_text === undefined
      ? ''
      : `; names ${applied.enable_overlay_text ? 'shown' : 'hidden'}`;
  if (parts.length === 0) return `Current layout: the meeting's default${names}`;
  return `Current layout: ${parts.join(', ')}${names} (set from this browser)`;
}

/**
 * The layout dialog: one picker per layout key, names (overlay text) on/off and back to the
 * default. Nothing changes on screen until the node accepts: the picker's selection is held
 * (`preventDefault` on `ipk-layout-select`) and moved only when the request succeeded.
 */
export function openLayoutDialog(
  specs: readonly PickerSpec[],
  applied: AppliedLayout,
  apply: ApplyTransforms,
  onApplied: (transforms: LayoutTransforms) => void,
): DialogHandle {
  const content = document.createElement('div');
  content.className = LAYOUT_DIALOG_CLASS;
  // One column, the controls apart: the checkbox, the button and the status lines each on a row.
  content.style.cssText = 'display:flex;flex-direction:column;gap:.5rem';
  let current: AppliedLayout = { ...applied };

  const currentLine = document.createElement('p');
  currentLine.setAttribute('role', 'status');
  const errorLine = document.createElement('p');
  errorLine.setAttribute('role', 'alert');
  // The column's gap spaces the lines; an empty error line then takes no room.
  currentLine.style.margin = errorLine.style.margin = '0';

  const pickers = new Map<LayoutKey, IpkLayoutPicker>();
  for (const spec of specs) {
    const heading = document.createElement('h3');
    heading.style.margin = '.5rem 0 0';
    heading.textContent = spec.heading;
    const picker = document.createElement(LAYOUT_PICKER_TAG) as IpkLayoutPicker;
    picker.label = spec.heading;
    picker.layouts = OFFERED_LAYOUTS;
    picker.current = current[spec.key] ?? '';
    picker.dataset['key'] = spec.key;
    pickers.set(spec.key, picker);
    content.append(heading, picker);
  }

  // Ticked only once names were switched on from here: the plugin API cannot read the VMR's own
  // setting, so "unticked" means "not switched on from here" and the status line says which.
  const overlayText = document.createElement(CHECKBOX_TAG) as IpkCheckbox;
  overlayText.textContent = 'Show names (overlay text)';

  const resetButton = document.createElement(BUTTON_TAG);
  resetButton.setAttribute('variant', 'blue');
  resetButton.textContent = 'Back to default';
  resetButton.style.alignSelf = 'flex-start';
  content.append(overlayText, resetButton, currentLine, errorLine);

  const show = (): void => {
    for (const [key, picker] of pickers) picker.current = current[key] ?? '';
    overlayText.checked = current.enable_overlay_text === true;
    currentLine.textContent = describeApplied(current, specs);
  };

  let queue: Promise<void> = Promise.resolve();
  const send = (transforms: LayoutTransforms): void => {
    queue = queue.then(async () => {
      const outcome = await apply(transforms);
      if (outcome.ok) {
        current = Object.keys(transforms).length === 0 ? {} : { ...current, ...transforms };
        errorLine.textContent = '';
        onApplied(transforms);
      } else {
        errorLine.textContent = `The layout was not changed: ${outcome.reason}`;
      }
      show();
    });
  };

  content.addEventListener('ipk-layout-select', (event) => {
    const select = event as CustomEvent<LayoutSelectDetail>;
    const key = (select.target as HTMLElement).dataset['key'] as LayoutKey | undefined;
    if (key === undefined) return;
    select.preventDefault();
    send({ [key]: select.detail.layout });
  });
  overlayText.addEventListener('ipk-change', () =>
    send({ enable_overlay_text: overlayText.checked }),
  );
  resetButton.addEventListener('click', () => send({}));

  show();
  return openDialog({ title: 'Conference layout', content });
}
