import { PLATFORMS } from '@ipk/plugin-api';
import type { Platform } from './seed-types.js';

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/**
 * The platform a package file's `platforms` is matched against. Electron is recognised from
 * its user-agent token (the desktop app has no `window.process` in the renderer). (The host app
 * lets `?platform=` override it, to try any platform in a browser.)
 */
export function detectPlatform(userAgent: string): Platform {
  if (/\bElectron\//.test(userAgent)) return 'electron';
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'web';
}
