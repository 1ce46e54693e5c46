export { createMediaPeer } from './media-peer.js';
export type {
  MediaMode,
  MediaPeer,
  MediaPeerOptions,
  MediaPeerState,
  MediaPeerStats,
  RemoteCandidate,
} from './media-peer.js';
export { keepUsableCandidates, parseCandidate } from './remote-candidate.js';
export type { FilteredSdp, ParsedCandidate } from './remote-candidate.js';
