/** The current frame of a video, drawn on a canvas at the video's own resolution. */
export type FrameCapture =
  | { readonly ok: true; readonly canvas: HTMLCanvasElement; readonly previewUrl: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Draws the frame showing now. `toDataURL` runs here, not at download time, so a video the browser
 * will not let us read (a cross-origin source taints the canvas) is reported at once.
 */
export function captureFrame(video: HTMLVideoElement, doc: Document = document): FrameCapture {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) return { ok: false, reason: 'This video has no picture yet.' };
  const canvas = doc.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context)
    return { ok: false, reason: 'This browser cannot draw the picture (no 2D canvas).' };
  try {
    context.drawImage(video, 0, 0, width, height);
    return { ok: true, canvas, previewUrl: canvas.toDataURL('image/png') };
  } catch (error) {
    return {
      ok: false,
      reason: `The browser does not allow capturing this video (${(error as Error).message}).`,
    };
  }
}

/** Saves the canvas as a PNG file through a temporary `<a download>` link. */
export function downloadPng(
  canvas: HTMLCanvasElement,
  fileName: string,
  doc: Document = document,
): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('The browser could not encode the picture as PNG.'));
        return;
      }
      const url = URL.createObjectURL(blob);
      const link = doc.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      doc.body.append(link);
      link.click();
      link.remove();
      // Revoked on the next task: the click has started the download by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      resolve();
    }, 'image/png');
  });
}
