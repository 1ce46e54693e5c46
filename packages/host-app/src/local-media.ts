/**
 * The local camera and microphone for the self view. A browser without devices (or a user who
 * says no) still joins: the self view stays empty, as in webapp2's "join without camera".
 */
export async function openLocalMedia(navigator: Navigator): Promise<MediaStream | null> {
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (devices?.getUserMedia === undefined) return null;
  try {
    return await devices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  } catch (error) {
    console.warn('[ipk-host-app] no camera or microphone, joining without:', error);
    return null;
  }
}

/** Mutes or unmutes every track of one kind (the toolbar's microphone and camera buttons). */
export function setTracksEnabled(
  stream: MediaStream | null,
  kind: 'audio' | 'video',
  enabled: boolean,
): void {
  if (stream === null) return;
  for (const track of stream.getTracks()) if (track.kind === kind) track.enabled = enabled;
}
