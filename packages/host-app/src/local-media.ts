/**
 * Mutes or unmutes every track of one kind (the toolbar's microphone and camera buttons). The
 * stream is the one the runtime sends to the node (`media$` `local`), so muting here is what the
 * other participants hear and see; the runtime opens and stops it.
 */
export function setTracksEnabled(
  stream: MediaStream | null,
  kind: 'audio' | 'video',
  enabled: boolean,
): void {
  if (stream === null) return;
  for (const track of stream.getTracks()) if (track.kind === kind) track.enabled = enabled;
}
