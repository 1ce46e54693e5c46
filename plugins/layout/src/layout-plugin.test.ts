import type { ClientApiReply, Participant, PluginAPI } from '@ipk/plugin-api';
import { DIALOG_TAG, LAYOUT_PICKER_TAG, type IpkDialog, type IpkLayoutPicker } from '@ipk/dialogs';
import { afterEach, describe, expect, it } from 'vitest';
import { OFFERED_LAYOUTS } from './layout-choice';
import { createLayoutPlugin } from './layout-plugin';

interface SentRequest {
  readonly path: string;
  readonly payload: unknown;
  answer(reply: ClientApiReply | Error): void;
}

/** A fake `PEX.pluginAPI.sendRequest` that waits until the test answers each request. */
function fakeApi() {
  const requests: SentRequest[] = [];
  const api = {
    sendRequest(path: string, payload?: unknown) {
      return new Promise<ClientApiReply>((resolve, reject) => {
        requests.push({
          path,
          payload,
          answer: (reply) => (reply instanceof Error ? reject(reply) : resolve(reply)),
        });
      });
    },
  } as unknown as Pick<PluginAPI, 'sendRequest'>;
  return { api, requests };
}

const OK: ClientApiReply = { status: 'success', result: true };

function member(serviceType: Participant['serviceType']): Participant {
  return { uuid: `u-${serviceType}`, serviceType } as Participant;
}

let plugin: ReturnType<typeof createLayoutPlugin> | undefined;

afterEach(async () => {
  await plugin?.unload();
  plugin = undefined;
  document.body.replaceChildren();
});

function start() {
  const fake = fakeApi();
  const registered = createLayoutPlugin(fake.api);
  plugin = registered;
  const choose = (participants: Participant[]) =>
    (registered['chooseLayout'] as (p: Participant[]) => void)(participants);
  const transforms = () => fake.requests.map(({ path, payload }) => ({ path, payload }));
  return { ...fake, choose, transforms };
}

function pickers(): IpkLayoutPicker[] {
  return [...document.querySelectorAll<IpkLayoutPicker>(LAYOUT_PICKER_TAG)];
}

async function pick(picker: IpkLayoutPicker | undefined, layout: string): Promise<void> {
  if (!picker) throw new Error('no such picker');
  await picker.updateComplete;
  const option = picker.shadowRoot?.querySelector<HTMLButtonElement>(`[data-layout="${layout}"]`);
  if (!option) throw new Error(`no option ${layout}`);
  option.click();
}

function line(role: 'status' | 'alert'): string {
  return document.querySelector(`.ipk-layout-plugin [role="${role}"]`)?.textContent ?? '';
}

function overlayBox(): HTMLInputElement {
  const box = document.querySelector<HTMLInputElement>('.ipk-layout-plugin input[type="checkbox"]');
  if (!box) throw new Error('no overlay text checkbox');
  return box;
}

function resetButton(): HTMLElement {
  const button = document.querySelector<HTMLElement>('.ipk-layout-plugin [variant="blue"]');
  if (!button) throw new Error('no reset button');
  return button;
}

describe('the layout plugin in a VMR', () => {
  it('opens one picker with the VMR layouts and says the default is in use', () => {
    const { choose } = start();
    choose([member('conference')]);
    expect(document.querySelector<IpkDialog>(DIALOG_TAG)?.heading).toBe('Conference layout');
    expect(pickers()).toHaveLength(1);
    expect(pickers()[0]?.layouts).toEqual(OFFERED_LAYOUTS);
    expect(OFFERED_LAYOUTS).toEqual(
      expect.arrayContaining([
        '1:0',
        '4:0',
        '9:0',
        '16:0',
        '25:0',
        '1:7',
        '1:21',
        '2:21',
        '1:33',
        'ac',
      ]),
    );
    expect(line('status')).toBe("Current layout: the meeting's default");
  });

  it('asks the node for the chosen layout and marks it current once accepted', async () => {
    const { choose, requests, transforms } = start();
    choose([member('conference')]);
    await pick(pickers()[0], '4:0');
    await expect
      .poll(transforms)
      .toEqual([{ path: 'transform_layout', payload: { transforms: { layout: '4:0' } } }]);
    expect(pickers()[0]?.current).toBe('');
    requests[0]?.answer(OK);
    await expect.poll(() => pickers()[0]?.current).toBe('4:0');
    expect(line('status')).toBe('Current layout: 2 × 2 (4:0) (set from this browser)');
  });

  it('shows the node’s refusal and keeps the layout it had', async () => {
    const { choose, requests } = start();
    choose([member('conference')]);
    await pick(pickers()[0], '1:7');
    await expect.poll(() => requests.length).toBe(1);
    requests[0]?.answer({ status: 'failed', result: 'Illegal value' });
    await expect.poll(() => line('alert')).toBe('The layout was not changed: Illegal value');
    expect(pickers()[0]?.current).toBe('');
    expect(line('status')).toBe("Current layout: the meeting's default");

    await pick(pickers()[0], '1:0');
    await expect.poll(() => requests.length).toBe(2);
    requests[1]?.answer(OK);
    await expect.poll(() => line('alert')).toBe('');
    expect(pickers()[0]?.current).toBe('1:0');
  });

  it('shows a failed request (e.g. 403 for a host who lost the role) the same way', async () => {
    const { choose, requests } = start();
    choose([member('conference')]);
    await pick(pickers()[0], '9:0');
    await expect.poll(() => requests.length).toBe(1);
    requests[0]?.answer(new Error('403 Forbidden'));
    await expect.poll(() => line('alert')).toBe('The layout was not changed: 403 Forbidden');
  });

  it('turns names (overlay text) on and off, unknown until set from here', async () => {
    const { choose, requests, transforms } = start();
    choose([member('conference')]);
    expect(overlayBox().indeterminate).toBe(true);
    overlayBox().click();
    await expect.poll(() => requests.length).toBe(1);
    requests[0]?.answer(OK);
    await expect.poll(() => overlayBox().indeterminate).toBe(false);
    expect(overlayBox().checked).toBe(true);
    expect(line('status')).toBe("Current layout: the meeting's default; names shown");

    overlayBox().click();
    await expect.poll(() => requests.length).toBe(2);
    requests[1]?.answer(OK);
    await expect
      .poll(() => line('status'))
      .toBe("Current layout: the meeting's default; names hidden");
    expect(transforms().map(({ payload }) => payload)).toEqual([
      { transforms: { enable_overlay_text: true } },
      { transforms: { enable_overlay_text: false } },
    ]);
  });

  it('goes back to the default with an empty transform and forgets what it set', async () => {
    const { choose, requests } = start();
    choose([member('conference')]);
    await pick(pickers()[0], '16:0');
    await expect.poll(() => requests.length).toBe(1);
    requests[0]?.answer(OK);
    await expect.poll(() => pickers()[0]?.current).toBe('16:0');

    resetButton().click();
    await expect.poll(() => requests.length).toBe(2);
    expect(requests[1]?.payload).toEqual({ transforms: {} });
    requests[1]?.answer(OK);
    await expect.poll(() => pickers()[0]?.current).toBe('');
    expect(line('status')).toBe("Current layout: the meeting's default");
    expect(overlayBox().indeterminate).toBe(true);
  });

  it('remembers the layout it set when the dialog is opened again', async () => {
    const { choose, requests } = start();
    choose([member('conference')]);
    await pick(pickers()[0], 'ac');
    await expect.poll(() => requests.length).toBe(1);
    requests[0]?.answer(OK);
    await expect.poll(() => pickers()[0]?.current).toBe('ac');
    document.querySelector<IpkDialog>(DIALOG_TAG)?.close();
    await expect.poll(() => pickers().length).toBe(0);

    choose([member('conference')]);
    expect(pickers()[0]?.current).toBe('ac');
    expect(line('status')).toBe('Current layout: Adaptive (ac) (set from this browser)');
  });

  it('closes its dialog on unload', async () => {
    const { choose } = start();
    choose([member('conference')]);
    await plugin?.unload();
    plugin = undefined;
    await expect.poll(() => document.querySelectorAll(DIALOG_TAG).length).toBe(0);
  });
});

describe('the layout plugin in a Virtual Auditorium', () => {
  it('offers host and guest layouts and sends each under its own key', async () => {
    const { choose, requests, transforms } = start();
    choose([member('lecture'), member('lecture')]);
    const [hosts, guests] = pickers();
    expect(pickers().map((picker) => picker.label)).toEqual(['Hosts see', 'Guests see']);

    await pick(hosts, '1:7');
    await expect.poll(() => requests.length).toBe(1);
    requests[0]?.answer(OK);
    await pick(guests, '1:0');
    await expect.poll(() => requests.length).toBe(2);
    requests[1]?.answer(OK);

    await expect.poll(() => guests?.current).toBe('1:0');
    expect(hosts?.current).toBe('1:7');
    expect(transforms().map(({ payload }) => payload)).toEqual([
      { transforms: { host_layout: '1:7' } },
      { transforms: { guest_layout: '1:0' } },
    ]);
    expect(line('status')).toBe(
      'Current layout: hosts see 1 + 7 (1:7), guests see Speaker (1:0) (set from this browser)',
    );
  });
});
