import { readFile } from 'node:fs/promises';
import { absenceReason, expect, readPluginPackage, test } from '@ipk/e2e';

/**
 * The screenshot plugin saves what the conference video shows: with real call media (the mock
 * node's `@ipk/mock-media` peer, or a real node) the PNG must hold a picture, not a blank frame.
 */
const screenshot = readPluginPackage(
  new URL('../../plugins/screenshot/screenshot.plugin.package.json', import.meta.url),
);

// Real call media: the node loops the fake camera back, so #mainVideo shows received video.
test.use({ callMedia: true });

test.beforeEach(({ platform }) => {
  const absent = absenceReason(screenshot, platform);
  test.skip(absent !== undefined, absent);
});

interface PictureFacts {
  readonly width: number;
  readonly height: number;
  /** Brightest minus darkest grey level of a 64×48 reduction. */
  readonly spread: number;
  /** How many different grey levels (0–255) the reduction has. */
  readonly greyLevels: number;
}

test('the saved PNG holds the node’s video: real pixels, not a blank picture', async ({ host }) => {
  // A WebRTC call, then the plugin's preview and download: ~16 s alone, more with two workers.
  test.slow();
  await host.join();
  // The node's video, not the app's painted stand-in.
  await host.waitForNodeVideo();

  await host.chooseConferenceMenuItem('Take a screenshot');
  const dialog = host.dialog('Take a screenshot');
  await expect(dialog.getByRole('radio', { name: 'Conference video' })).toBeChecked();
  const [download] = await Promise.all([
    host.page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  const png = await readFile(await download.path());

  // Decoded by the browser, as any image viewer would.
  const facts = await host.page.evaluate(async (base64): Promise<PictureFacts> => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(64, 48);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0, 64, 48);
    const { data } = context.getImageData(0, 0, 64, 48);
    const greys: number[] = [];
    for (let i = 0; i < data.length; i += 4) {
      greys.push(Math.round((data[i]! + data[i + 1]! + data[i + 2]!) / 3));
    }
    return {
      width: bitmap.width,
      height: bitmap.height,
      spread: Math.max(...greys) - Math.min(...greys),
      greyLevels: new Set(greys).size,
    };
  }, png.toString('base64'));

  expect(facts.width, 'the PNG has the video’s size').toBeGreaterThanOrEqual(320);
  expect(facts.height).toBeGreaterThanOrEqual(180);
  expect(facts.spread, 'not one flat colour').toBeGreaterThan(40);
  expect(facts.greyLevels, 'a picture, not a couple of painted shapes').toBeGreaterThan(24);
});
