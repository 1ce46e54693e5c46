import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  chromiumExecutablePath,
  chromiumFakeMediaArgs,
} from './chromium-executable-path.js';

describe('chromiumFakeMediaArgs', () => {
  it('gives a fake camera that Chromium really runs at the asked frame rate', async () => {
    // getUserMedia needs a secure context: a page from 127.0.0.1 is one, about:blank is not.
    const server = createServer((_request, response) =>
      response.end('<!doctype html><title>camera</title>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: [...CHROMIUM_ARGS, ...chromiumFakeMediaArgs({ fps: 5 })],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const frameRate = await page.evaluate(async () => {
        const stream = await navigator.mediaDevices.getUserMedia({ video: true });
        const rate = stream.getVideoTracks()[0]?.getSettings().frameRate;
        for (const track of stream.getTracks()) track.stop();
        return rate;
      });
      expect(frameRate).toBe(5);
    } finally {
      await browser.close();
      server.close();
    }
  }, 30_000);

  it('refuses a rate the fake device cannot have', () => {
    expect(() => chromiumFakeMediaArgs({ fps: 0 })).toThrow('fps must be a whole number');
    expect(() => chromiumFakeMediaArgs({ fps: 2.5 })).toThrow('fps must be a whole number');
  });
});
