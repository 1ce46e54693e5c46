import { describe, expect, it } from 'vitest';
import { displayPath } from './display-path.js';

describe('displayPath', () => {
  it('shows paths inside the working folder relative to it', () => {
    expect(displayPath('/repo', '/repo/dist/branding.zip')).toBe('dist/branding.zip');
    expect(displayPath('/repo', '/repo')).toBe('.');
  });

  it('shows paths outside the working folder in full rather than as ../../', () => {
    expect(displayPath('/work/main', '/tmp/branding.zip')).toBe('/tmp/branding.zip');
  });
});
