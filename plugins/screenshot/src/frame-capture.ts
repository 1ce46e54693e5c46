import { hasPicture } from './video-sources';

/** The current frame of a video as a PNG data URL, or why it cannot be had. */
export type FrameCapture = { readonly pngUrl: string } | { readonly reason: string };

/**
 * Draws the frame showing now, at the video's own resolution, and encodes it as PNG at once, so a
 * video the browser will not let us read (a cross-origin source taints the canvas) or a browser
 * without a 2D canvas is reported when the picture is taken, not at download time.
 */
export function captureFrame(video: HTMLVideoElement): FrameCapture {
  if (!hasPicture(video)) return { reason: 'This video has no picture yet.' };
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  try {
    // No 2D context (null) throws here too, and is reported like a tainted canvas.
    (canvas.getContext('2d') as CanvasRenderingContext2D).drawImage(video, 0, 0);
    return { pngUrl: canvas.toDataURL() };
  } catch (error) {
    return { reason: `The browser cannot capture this video (${(error as Error).message}).` };
  }
}

/**
 * Saves the picture as `fileName` through a temporary `<a download>` link. The data URL is the
 * PNG itself (the same one the preview shows), so there is nothing left to encode or to fail.
 */
export function downloadPng(pngUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = pngUrl;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
