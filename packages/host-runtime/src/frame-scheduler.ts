/** Runs a callback before the next paint; returns its canceller. */
export type FrameScheduler = (callback: () => void) => () => void;

/**
 * `requestAnimationFrame` where the window has one (browsers, happy-dom), else a 16 ms timer
 * (one frame at 60 Hz) so coalescing still bounds emissions.
 */
export function animationFrameScheduler(window: Window | undefined): FrameScheduler {
  const raf = window?.requestAnimationFrame?.bind(window);
  const caf = window?.cancelAnimationFrame?.bind(window);
  if (raf && caf) {
    return (callback) => {
      const handle = raf(() => callback());
      return () => caf(handle);
    };
  }
  return (callback) => {
    const handle = setTimeout(callback, 16);
    return () => clearTimeout(handle);
  };
}
