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
const KNOWN_VIDEOS: readonly { readonly selector: string; readonly label: string }[] = [
  { selector: 'video#mainVideo', label: 'Conference video' },
  { selector: 'video[id*="presentation" i]', label: 'Presentation' },
  { selector: 'video#selfviewVideo', label: 'Your camera (self view)' },
];

/** The known videos that are on the page and have a picture right now (a current frame). */
export function availableVideos(doc: Document = document): VideoSource[] {
  return KNOWN_VIDEOS.flatMap(({ selector, label }) => {
    const video = doc.querySelector(selector);
    if (!(video instanceof HTMLVideoElement) || !hasPicture(video)) return [];
    return [{ label, video }];
  });
}

export function hasPicture(video: HTMLVideoElement): boolean {
  return video.videoWidth > 0 && video.videoHeight > 0;
}
