/**
 * The page a test browser opens. It calls like `@pexip/infinity` 20 does (`call.js`
 * `createPC`): one offer with audio and video `sendrecv` from the fake camera and microphone plus
 * an `inactive` video transceiver for presentation; the offer goes out at once and candidates are
 * trickled to `new_candidate` after the `calls` answer, buffered until then; then `ack`.
 * The conference video is shown in `#mainVideo`, the id webapp2 gives its stage video.
 */
export const CALLER_PAGE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>mock-media caller</title></head>
<body>
<video id="mainVideo" autoplay muted playsinline></video>
<script type="module">
const mainVideo = document.getElementById('mainVideo');
let localStream;
let pc;
let presentation;

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(path + ' answered ' + response.status + ': ' + (await response.text()));
  return response.json();
}

/** \`camera: false\` joins like a participant with the camera off: video \`recvonly\`. */
async function startCall({ camera = true } = {}) {
  localStream ??= await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
  pc = new RTCPeerConnection();
  const [audio] = localStream.getAudioTracks();
  const [video] = localStream.getVideoTracks();
  pc.addTransceiver(audio, { direction: 'sendrecv', streams: [localStream] });
  const main = camera
    ? pc.addTransceiver(video, { direction: 'sendrecv', streams: [localStream] })
    : pc.addTransceiver('video', { direction: 'recvonly' });
  presentation = pc.addTransceiver('video', { direction: 'inactive' });
  pc.ontrack = (event) => {
    if (event.transceiver === main) mainVideo.srcObject = new MediaStream([event.track]);
  };
  const pending = [];
  let callStarted = false;
  pc.onicecandidate = (event) => {
    const candidate = { candidate: event.candidate ? event.candidate.candidate : '', mid: event.candidate?.sdpMid ?? '0' };
    if (callStarted) void post('new_candidate', candidate);
    else pending.push(candidate);
  };
  await pc.setLocalDescription(await pc.createOffer());
  const { sdp } = await post('calls', { call_type: 'WEBRTC', sdp: pc.localDescription.sdp });
  await pc.setRemoteDescription({ type: 'answer', sdp });
  callStarted = true;
  for (const candidate of pending.splice(0)) await post('new_candidate', candidate);
  await post('ack', {});
}

function nextFrame() {
  return new Promise((resolve) => mainVideo.requestVideoFrameCallback((_now, meta) => resolve(meta)));
}

/** Resolves once \`count\` frames were presented; reports what a person would see. */
async function watchFrames(count) {
  const first = await nextFrame();
  let last = first;
  for (let i = 1; i < count; i += 1) last = await nextFrame();
  const canvas = document.createElement('canvas');
  canvas.width = mainVideo.videoWidth;
  canvas.height = mainVideo.videoHeight;
  const context = canvas.getContext('2d');
  context.drawImage(mainVideo, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return {
    width: mainVideo.videoWidth,
    height: mainVideo.videoHeight,
    mediaTimeAdvance: last.mediaTime - first.mediaTime,
    presentedFrames: last.presentedFrames - first.presentedFrames + 1,
    distinctColours: colours.size,
  };
}

/**
 * An \`update\`: a new offer on the same connection. Here the participant starts presenting, as
 * webapp2 does for a screenshare: the presentation transceiver gets a track and sends it.
 */
async function startPresenting() {
  const [video] = localStream.getVideoTracks();
  await presentation.sender.replaceTrack(video.clone());
  presentation.direction = 'sendonly';
  await pc.setLocalDescription(await pc.createOffer());
  const sdp = await post('update', { sdp: pc.localDescription.sdp });
  await pc.setRemoteDescription({ type: 'answer', sdp });
  await post('ack', {});
  return presentation.currentDirection;
}

async function hangUp() {
  pc.close();
  mainVideo.srcObject = null;
  await post('disconnect', {});
}

window.caller = { startCall, watchFrames, startPresenting, hangUp, connectionState: () => pc.connectionState };
</script>
</body>
</html>
`;
