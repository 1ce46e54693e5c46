/** A video on the page the user can take a screenshot of. */
export interface VideoSource {
  readonly label: string;
  readonly video: HTMLVideoElement;
}

/**
 * webapp2's video elements. `#mainVideo` (the conference) and `#selfviewVideo` (the user's camera)
 * are the ids Pexip's own plugins use (webapp2-in-the-wild.md, "The page"). The presentation
 * element's id is not documented: any `<video>` whose id mentions "presentation" counts.
 */
const KNOWN_VIDEOS: readonly (readonly [selector: string, label: string])[] = [
  ['video#mainVideo', 'Conference video'],
  ['video[id*="presentation" i]', 'Presentation'],
  ['video#selfviewVideo', 'Your camera (self view)'],
];

/** The known videos that are on the page and have a picture right now (a current frame). */
export const availableVideos = (): VideoSource[] =>
  KNOWN_VIDEOS.flatMap(([selector, label]) => {
    const video = document.querySelector<HTMLVideoElement>(selector);
    return hasPicture(video) ? [{ label, video }] : [];
  });

/**
 * Whether there is a frame to draw. A video has both dimensions or neither (0 × 0 until its first
 * frame), so the width alone tells.
 */
export const hasPicture = (video: HTMLVideoElement | null | undefined): video is HTMLVideoElement =>
  !!video?.videoWidth;
