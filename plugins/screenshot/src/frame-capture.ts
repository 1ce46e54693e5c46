import { hasPicture } from './video-sources';

/**
 * The frame showing now, at the video's own resolution, as a PNG data URL, or `undefined` when the
 * video has no picture (yet). It is encoded at once, so a video the browser will not let us read
 * (a cross-origin source taints the canvas) or a browser without a 2D canvas is reported when the
 * picture is taken, not at download time; and the PNG previewed is the PNG saved.
 *
 * @throws what the browser throws when it refuses (a `SecurityError`, or a `TypeError` for no 2D
 * context).
 */
export function captureFrame(video: HTMLVideoElement | undefined): string | undefined {
  if (!hasPicture(video)) return;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  // No 2D context (null) throws here too, and is reported like a tainted canvas.
  (canvas.getContext('2d') as CanvasRenderingContext2D).drawImage(video, 0, 0);
  return canvas.toDataURL();
}
