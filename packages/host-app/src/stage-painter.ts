import type { Participant } from './app-host.js';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAME_RATE = 10;

/** The painted stage, while it runs. */
export interface StagePainter {
  readonly stream: MediaStream;
  show(participants: readonly Participant[]): void;
  stop(): void;
}

/**
 * Paints the conference picture into a canvas and offers it as a video stream for `#mainVideo`,
 * while the runtime has no call media to show: a tile per participant with their name, like a
 * Pexip layout. It gives the stage real frames and real dimensions, so plugins that capture
 * `mainVideo` (screenshot) have something to capture. Null where the browser cannot paint or
 * capture a canvas (DOM emulations, old engines).
 */
export function startStagePainter(document: Document): StagePainter | null {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  if (typeof canvas.captureStream !== 'function') return null;
  const context = canvas.getContext('2d');
  if (context === null) return null;
  let participants: readonly Participant[] = [];
  const paint = () => paintStage(context, participants);
  const stream = canvas.captureStream(FRAME_RATE);
  // Repaint on a slow beat: a canvas stream only sends frames when the canvas changes.
  const timer = setInterval(paint, 1000);
  paint();
  return {
    stream,
    show(list) {
      participants = list;
      paint();
    },
    stop() {
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
    },
  };
}

function paintStage(ctx: CanvasRenderingContext2D, participants: readonly Participant[]): void {
  ctx.fillStyle = '#0b1a2b';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  const people = [...participants].sort((a, b) => a.stageIndex - b.stageIndex).slice(0, 9);
  if (people.length === 0) {
    ctx.fillStyle = '#c9d6e3';
    ctx.font = '32px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('Waiting for others to join', WIDTH / 2, HEIGHT / 2);
    return;
  }
  const columns = Math.ceil(Math.sqrt(people.length));
  const rows = Math.ceil(people.length / columns);
  const width = WIDTH / columns;
  const height = HEIGHT / rows;
  people.forEach((person, index) => {
    const x = (index % columns) * width;
    const y = Math.floor(index / columns) * height;
    ctx.fillStyle = person.vad > 0 ? '#1d4e7a' : '#16324f';
    ctx.fillRect(x + 4, y + 4, width - 8, height - 8);
    ctx.fillStyle = '#2a5d8f';
    ctx.beginPath();
    ctx.arc(x + width / 2, y + height / 2 - 16, Math.min(width, height) / 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = '24px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(person.name, x + 20, y + height - 24, width - 40);
  });
}
