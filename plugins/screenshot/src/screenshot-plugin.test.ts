// The built plugin (the IIFE webapp2 would load) in @ipk/host-runtime's harness, with videos on the
// page. happy-dom has no pixels, so the canvas's drawing calls are replaced by spies; everything
// else is the DOM's own.
import type { ConferenceDetails } from '@ipk/plugin-api';
import { createPluginHarness, type PluginHarness } from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import { seriousAxeViolations } from '@ipk/host-runtime/testing/axe';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_VIDEO_YET } from './screenshot-plugin';

const root = path.resolve(import.meta.dirname, '..');
const packageFile = path.join(root, 'screenshot.plugin.package.json');
const PREVIEW = 'data:image/png;base64,iVBORw0KGgo=';
let sourceText: string;
let harness: PluginHarness | undefined;
let drawn: unknown[];
let downloads: string[];

beforeAll(async () => {
  sourceText = (await bundlePlugin({ root })).code;
});

beforeEach(() => {
  drawn = [];
  downloads = [];
  const context = { drawImage: (video: unknown) => drawn.push(video) };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PREVIEW);
  document.addEventListener('click', recordDownload);
});

afterEach(async () => {
  document.removeEventListener('click', recordDownload);
  vi.restoreAllMocks();
  vi.useRealTimers();
  await harness?.dispose();
  harness = undefined;
  document.body.innerHTML = '';
});

function recordDownload(event: Event): void {
  if (event.target instanceof HTMLAnchorElement && event.target.download) {
    event.preventDefault();
    downloads.push(`${event.target.download} ${event.target.href}`);
  }
}

/** A `<video>` as webapp2 has it, showing a picture of the given size. */
function video(id: string, width = 1280, height = 720): HTMLVideoElement {
  const element = document.createElement('video');
  element.id = id;
  Object.defineProperty(element, 'videoWidth', { value: width, configurable: true });
  Object.defineProperty(element, 'videoHeight', { value: height });
  document.body.append(element);
  return element;
}

async function load(conference: Partial<ConferenceDetails> = {}): Promise<PluginHarness> {
  harness = await createPluginHarness({ packageFile, sourceText, role: 'guest', conference });
  return harness;
}

async function openDialog(host: PluginHarness): Promise<HTMLElement> {
  await host.invoke('openScreenshotDialog');
  await expect.poll(() => host.dialog()).not.toBeNull();
  return host.dialog() as HTMLElement;
}

const radios = () => [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const sourceLabels = () => radios().map((radio) => radio.parentElement?.textContent?.trim());
const preview = () =>
  document.querySelector<HTMLImageElement>('img[alt="Preview of the screenshot"]');
const alert = () => document.querySelector<HTMLElement>('[role="alert"]');

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no "${name}" button`);
  return found;
}

describe('screenshot: when there is nothing to capture', () => {
  it('says so in an audio-only conference, and when only control participants are connected', async () => {
    video('mainVideo');
    const audioOnly = await openDialog(await load({ mediaType: 'audioonly' }));
    expect(audioOnly.textContent).toContain(
      'This conference has no video to take a screenshot of.',
    );
    expect(preview()).toBeNull();
    await harness?.dispose();

    const controlOnly = await openDialog(await load({ mediaType: 'none' }));
    expect(controlOnly.textContent).toContain(
      'This conference has no video to take a screenshot of.',
    );
  });

  it('says so when no video has a picture yet', async () => {
    video('mainVideo', 0, 0);
    const dialog = await openDialog(await load({ mediaType: 'video' }));
    expect(dialog.textContent).toContain(NO_VIDEO_YET);
  });
});

describe('screenshot: choosing and capturing a video', () => {
  it('is in the conference menu, for guests too', async () => {
    const host = await load();
    expect(host.record().status.kind).toBe('loaded');
    expect(host.menuItems()).toMatchObject([
      { placement: 'conference', label: 'Take a screenshot' },
    ]);
  });

  it('offers the conference video, the presentation when present, and the self view', async () => {
    video('mainVideo');
    video('selfviewVideo', 640, 480);
    await openDialog(await load());
    expect(sourceLabels()).toEqual(['Conference video', 'Your camera (self view)']);
    await harness?.dispose();

    video('presentationVideo', 1920, 1080);
    await openDialog(await load());
    expect(sourceLabels()).toEqual(['Conference video', 'Presentation', 'Your camera (self view)']);
  });

  it('has no serious or critical axe violation in its chooser', async () => {
    video('mainVideo');
    video('selfviewVideo', 640, 480);
    const dialog = await openDialog(await load());
    expect(await seriousAxeViolations(dialog)).toEqual([]);
  });

  it('captures the conference video at once and previews it', async () => {
    const main = video('mainVideo');
    await openDialog(await load());
    expect(drawn).toEqual([main]);
    expect(preview()?.hidden).toBe(false);
    expect(preview()?.src).toBe(PREVIEW);
    expect(radios()[0]?.checked).toBe(true);
  });

  it('captures the video the user picks, and captures again on request', async () => {
    video('mainVideo');
    const self = video('selfviewVideo', 640, 480);
    await openDialog(await load());
    radios()[1]?.click();
    expect(drawn.at(-1)).toBe(self);
    button('Capture again').click();
    expect(drawn.slice(-2)).toEqual([self, self]);
  });

  it('downloads a PNG named <conference>-<YYYYMMDD-HHMMSS>.png', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 26, 14, 5, 9));
    video('mainVideo');
    await openDialog(await load());
    button('Download PNG').click();
    // The PNG previewed is the PNG saved.
    expect(downloads).toEqual([`meet-20261126-140509.png ${PREVIEW}`]);
  });

  it('explains a video the browser will not let it read, and offers no download', async () => {
    vi.mocked(HTMLCanvasElement.prototype.toDataURL).mockImplementation(() => {
      throw new DOMException('The canvas has been tainted by cross-origin data.', 'SecurityError');
    });
    video('mainVideo');
    await openDialog(await load());
    expect(alert()?.textContent).toBe(
      'The browser cannot capture this video (The canvas has been tainted by cross-origin data.).',
    );
    expect(button('Download PNG').disabled).toBe(true);
    expect(preview()?.hidden).toBe(true);
  });

  it('explains a browser without a 2D canvas', async () => {
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue(null);
    video('mainVideo');
    await openDialog(await load());
    expect(alert()?.textContent).toMatch(/^The browser cannot capture this video \(.+\)\.$/);
    expect(button('Download PNG').disabled).toBe(true);
  });

  it('explains a video that lost its picture when captured again', async () => {
    const main = video('mainVideo');
    await openDialog(await load());
    Object.defineProperty(main, 'videoWidth', { value: 0 });
    button('Capture again').click();
    expect(alert()?.textContent).toBe('This video has no picture yet.');
    expect(preview()?.hidden).toBe(true);
  });

  it('closes its dialog when unloaded', async () => {
    video('mainVideo');
    const host = await load();
    await openDialog(host);
    await host.unload();
    await expect.poll(() => host.dialog()).toBeNull();
  });
});
