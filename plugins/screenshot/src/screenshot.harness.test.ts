// The built plugin in the host runtime's harness, with videos on the page. happy-dom has no
// pixels, so the canvas's drawing calls are replaced by spies; everything else is the DOM's own.
import type { ConferenceDetails } from '@ipk/plugin-api';
import { createPluginHarness, type PluginHarness } from '@ipk/host-runtime/testing';
import { bundlePlugin } from '@ipk/rollup-config';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ELEMENT_IDS } from './screenshot-dialog';
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
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) =>
    callback(new Blob(['png'], { type: 'image/png' })),
  );
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:screenshot');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
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
    downloads.push(event.target.download);
  }
}

/** A `<video>` as webapp2 has it, showing a picture of the given size. */
function video(id: string, width = 1280, height = 720): HTMLVideoElement {
  const element = document.createElement('video');
  element.id = id;
  Object.defineProperty(element, 'videoWidth', { value: width });
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

function sourceLabels(): string[] {
  return [...document.querySelectorAll(`#${ELEMENT_IDS.sources} label`)].map(
    (label) => label.textContent?.trim() ?? '',
  );
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not in the document`);
  return element as T;
}

describe('screenshot: when there is nothing to capture', () => {
  it('says so clearly in an audio-only conference', async () => {
    video('mainVideo');
    const dialog = await openDialog(await load({ mediaType: 'audioonly' }));
    expect(dialog.textContent).toContain(
      'This is an audio-only conference: there is no video to take a screenshot of.',
    );
    expect(document.getElementById(ELEMENT_IDS.download)).toBeNull();
  });

  it('says so when only control participants are connected', async () => {
    const dialog = await openDialog(await load({ mediaType: 'none' }));
    expect(dialog.textContent).toContain('Only control participants are connected');
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

  it('captures the conference video at once and previews it', async () => {
    const main = video('mainVideo');
    await openDialog(await load());
    expect(drawn).toEqual([main]);
    const preview = byId<HTMLImageElement>(ELEMENT_IDS.preview);
    expect(preview.hidden).toBe(false);
    expect(preview.src).toBe(PREVIEW);
  });

  it('captures the video the user picks, and captures again on request', async () => {
    video('mainVideo');
    const self = video('selfviewVideo', 640, 480);
    await openDialog(await load());
    const selfRadio = document.querySelectorAll<HTMLInputElement>(
      `#${ELEMENT_IDS.sources} input`,
    )[1];
    selfRadio?.click();
    expect(drawn.at(-1)).toBe(self);
    byId(ELEMENT_IDS.retake).click();
    expect(drawn.slice(-2)).toEqual([self, self]);
  });

  it('downloads a PNG named <conference>-<YYYYMMDD-HHMMSS>.png', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 26, 14, 5, 9));
    video('mainVideo');
    await openDialog(await load());
    byId(ELEMENT_IDS.download).click();
    await expect.poll(() => downloads).toEqual(['meet-20261126-140509.png']);
  });

  it('explains a video the browser will not let it read, and offers no download', async () => {
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue({
      drawImage: () => {
        throw new DOMException(
          'The canvas has been tainted by cross-origin data.',
          'SecurityError',
        );
      },
    } as never);
    video('mainVideo');
    await openDialog(await load());
    expect(byId(ELEMENT_IDS.error).textContent).toBe(
      'The browser does not allow capturing this video (The canvas has been tainted by cross-origin data.).',
    );
    expect(byId<HTMLButtonElement>(ELEMENT_IDS.download).disabled).toBe(true);
    expect(byId(ELEMENT_IDS.preview).hidden).toBe(true);
  });

  it('explains a browser without a 2D canvas', async () => {
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue(null);
    video('mainVideo');
    await openDialog(await load());
    expect(byId(ELEMENT_IDS.error).textContent).toBe(
      'This browser cannot draw the picture (no 2D canvas).',
    );
  });

  it('explains a picture the browser cannot encode', async () => {
    vi.mocked(HTMLCanvasElement.prototype.toBlob).mockImplementation((callback) => callback(null));
    video('mainVideo');
    await openDialog(await load());
    byId(ELEMENT_IDS.download).click();
    await expect
      .poll(() => byId(ELEMENT_IDS.error).textContent)
      .toBe('The browser could not encode the picture as PNG.');
    expect(downloads).toEqual([]);
  });

  it('closes its dialog when unloaded', async () => {
    video('mainVideo');
    const host = await load();
    await openDialog(host);
    await host.unload();
    await expect.poll(() => host.dialog()).toBeNull();
  });
});
