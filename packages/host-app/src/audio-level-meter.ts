/**
 * The microphone's input level, for the toolbar's meter (`.toolbar-audio-bar-fill`, which webapp2
 * shows and older plugins look for). Web Audio's `AnalyserNode` on the sent stream, read about ten
 * times a second; returns the stopper. Without Web Audio (DOM emulations) it reports nothing.
 */
export function meterAudioLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const AudioContextClass = globalThis.AudioContext as typeof AudioContext | undefined;
  if (AudioContextClass === undefined || stream.getAudioTracks().length === 0) return () => {};
  const context = new AudioContextClass();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  const source = context.createMediaStreamSource(stream);
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    // RMS of a normal voice sits around 0.05–0.2: scale so speech fills most of the bar.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 5));
  }, 100);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close();
  };
}
