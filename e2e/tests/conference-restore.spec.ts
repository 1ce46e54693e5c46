import { conferenceDifferences, expect, snapshotConference, test, type HostPage } from '@ipk/e2e';

/**
 * Every test leaves the conference as it found it, also when it fails or times out: the
 * `footprint` fixture puts it back in its teardown, which Playwright runs in both cases. The first
 * two tests change everything a plugin test changes and then fail on purpose; the third checks, on
 * the same worker and conference, that nothing of it is left. On a real deployment this is what
 * keeps the four projects from tripping over each other on one shared conference.
 */
test.describe.configure({ mode: 'serial' });

/** Locks, mutes guests, dials a recorder, changes the layout and brings a bot, as plugin tests do. */
async function changeEverything(
  host: HostPage,
  joinBot: (options: { name: string }) => Promise<unknown>,
): Promise<void> {
  await host.join({ role: 'chair' });
  await joinBot({ name: 'Left Behind' });
  await host.chooseConferenceMenuItem('Lock conference');
  await host.chooseConferenceMenuItem('Mute all guests');
  const menu = await host.openConferenceMenu();
  await expect(menu.getByRole('menuitem', { name: 'Unlock conference' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Unmute all guests' })).toBeVisible();
  await host.page.keyboard.press('Escape');

  await host.useToolbarItem('Start recording');
  const recording = host.dialog('Start recording');
  await recording
    .getByRole('textbox', { name: 'Recorder address' })
    .fill('rtmp://recorder.example.com/live/left-behind');
  await recording.getByRole('button', { name: 'Start recording' }).click();
  await host.expectToolbarItem('Stop recording');

  await host.useToolbarItem('Change layout');
  const layout = host.dialog('Conference layout');
  await layout.getByRole('button', { name: '2 × 2' }).click();
  await expect(layout.getByRole('button', { name: '2 × 2' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

test.describe('a conference is put back after every test', () => {
  test.beforeEach(({ platform }) => {
    test.skip(
      platform !== 'web',
      'the conference is put back by the same fixture on every platform: proven once, on web',
    );
  });

  test('a test that fails after changing the conference', async ({ host, joinBot }) => {
    await changeEverything(host, joinBot);
    // Expected to fail only from here: a failure while changing the conference is a real one.
    test.fail(true, 'fails on purpose: the last test of this file checks what it left');
    throw new Error('failing on purpose, with the conference locked, recorded and changed');
  });

  test('a test that times out after changing the conference', async ({ host, joinBot }) => {
    await changeEverything(host, joinBot);
    // Times out on purpose from here (a failure while changing the conference is a real one): the
    // last test of this file checks what it left. (`test.fail()` expects a failure; a time-out is
    // its own status.)
    test.info().expectedStatus = 'timedOut';
    // The time is up now (changing everything took longer than this), with everything changed.
    test.setTimeout(1);
    await new Promise<never>(() => {});
  });

  test('the next test finds the conference as the run found it', async ({
    keeperAccess,
    baseline,
  }) => {
    const now = await snapshotConference(keeperAccess);
    expect(conferenceDifferences(baseline, now)).toEqual([]);
    expect(now.participants.map((participant) => participant.uuid).sort()).toEqual(
      baseline.participants.map((participant) => participant.uuid).sort(),
    );
  });
});
