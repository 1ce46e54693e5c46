import {
  absenceReason,
  expect,
  readPluginPackage,
  test,
  type HostPage,
  expectUsableAndAccessible,
} from '@ipk/e2e';

const recording = readPluginPackage(new URL('../recording.plugin.package.json', import.meta.url));
const RECORDER = 'rtmp://recorder.example.com/live/key';

test.beforeEach(({ platform }) => {
  const absent = absenceReason(recording, platform);
  test.skip(absent !== undefined, absent);
});

/** Types the address in the open dialog and submits it ("Start recording", or "Try again"). */
async function submitAddress(host: HostPage, address: string): Promise<void> {
  const dialog = host.dialog('Start recording');
  await dialog.getByRole('textbox', { name: 'Recorder address' }).fill(address);
  await dialog.getByRole('button', { name: /^(Start recording|Try again)$/ }).click();
}

async function startRecording(host: HostPage, address: string): Promise<void> {
  await host.useToolbarItem('Start recording');
  await submitAddress(host, address);
}

/** The roster rows of streaming participants: the host app badges them "recording". */
function streamingRows(host: HostPage) {
  return host.roster
    .getByRole('listitem')
    .filter({ has: host.page.getByText('recording', { exact: true }) });
}

test.describe('recording', () => {
  test('starts a recorder that appears as streaming, and the button turns into Stop recording', async ({
    host,
  }) => {
    await host.join({ role: 'chair' });
    await startRecording(host, RECORDER);
    await expect(host.dialog('Start recording')).toBeHidden();

    // state$ changed both the label and the icon of the toolbar button.
    const stop = await host.showToolbarItem('Stop recording');
    await expect(stop.locator('use')).toHaveAttribute(
      'href',
      /stop-recording\.svg#stop-recording$/,
    );
    await host.page.keyboard.press('Escape'); // closes "More" if the control was under it
    await host.openParticipants();
    await expect(streamingRows(host)).toHaveCount(1);

    await host.useToolbarItem('Stop recording');
    await expect(streamingRows(host)).toHaveCount(0);
    const start = await host.showToolbarItem('Start recording');
    await expect(start.locator('use')).toHaveAttribute(
      'href',
      /start-recording\.svg#start-recording$/,
    );
  });

  test('a recorder the node cannot dial keeps the dialog open with the reason, and a corrected address works', async ({
    host,
  }) => {
    await host.join({ role: 'chair' });
    await startRecording(host, 'not a recorder');
    const dialog = host.dialog('Start recording');
    await expect(dialog.getByRole('alert')).toHaveText(
      'The conference could not dial not a recorder (auto). Check the address and try again.',
    );
    await expect(dialog.getByRole('textbox', { name: 'Recorder address' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectUsableAndAccessible(host.page, 'recording dialog with a dial failure');

    await submitAddress(host, RECORDER);
    await expect(dialog).toBeHidden();
    await host.expectToolbarItem('Stop recording');
  });

  test(
    'the node holds the recorder as a streaming RTMP participant',
    { tag: '@mock-only' },
    async ({ host, mock, target }) => {
      await host.join({ role: 'chair' });
      await startRecording(host, RECORDER);
      await host.expectToolbarItem('Stop recording');
      const conference = mock
        .snapshot()
        .conferences.find((candidate) => candidate.alias === target.conference.alias);
      const streaming = conference?.participants.filter(
        (participant) => participant.is_streaming_conference,
      );
      expect(streaming).toEqual([
        expect.objectContaining({ protocol: 'rtmp', call_direction: 'out' }),
      ]);
    },
  );
});
