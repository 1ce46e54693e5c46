import { accessSync, constants } from 'node:fs';

/**
 * Debian installs the real binary under /usr/lib; the /usr/bin wrapper prints a harmless
 * `[: unexpected operator` line in containers, so the real binary is preferred.
 */
export const DEBIAN_CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'] as const;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to launch: `$CHROMIUM_PATH` when set, else Debian's `chromium`, else `undefined`
 * so that Playwright falls back to its own downloaded browser (on a developer's own machine).
 * Playwright cannot download browsers on our CI machines, which is why Debian's comes first.
 */
export function chromiumExecutablePath(
  env: Record<string, string | undefined> = process.env,
  candidates: readonly string[] = DEBIAN_CHROMIUM_PATHS,
): string | undefined {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file. Unset it or point it at a Chromium binary.`,
      );
    }
    return fromEnv;
  }
  return candidates.find(isExecutable);
}

/**
 * Flags for headless Chromium in a container with no network but loopback: without the
 * background-networking flags Chromium keeps trying (and failing) to reach Google's services.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;

/** Extra flags for tests that join a call: a fake camera and microphone, no permission prompt. */
export const CHROMIUM_FAKE_MEDIA_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
] as const;

/**
 * {@link CHROMIUM_FAKE_MEDIA_ARGS} with the fake camera at `fps` frames a second instead of its
 * default 20 (Chromium's fake capture device reads `fps=` from the flag's value). Drawing and
 * encoding frames nobody looks at is most of a browser test's CPU on a small machine: the e2e
 * suite at 5 fps ran in 96 s instead of 115 s on the 2-core CI machine. Keep the default where a
 * test compares frames a few apart.
 */
export function chromiumFakeMediaArgs({ fps }: { readonly fps: number }): readonly string[] {
  if (!Number.isInteger(fps) || fps < 1 || fps > 60) {
    throw new RangeError(`fps must be a whole number from 1 to 60, not ${fps}`);
  }
  return [`--use-fake-device-for-media-stream=fps=${fps}`, '--use-fake-ui-for-media-stream'];
}
