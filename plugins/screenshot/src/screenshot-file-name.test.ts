import { describe, expect, it } from 'vitest';
import { screenshotFileName } from './screenshot-file-name';

describe('screenshotFileName', () => {
  const at = new Date(2026, 10, 5, 9, 7, 3);

  it('is <conference>-<YYYYMMDD-HHMMSS>.png in local time', () => {
    expect(screenshotFileName('meet.alice', at)).toBe('meet.alice-20261105-090703.png');
  });

  it('replaces characters a file system may refuse', () => {
    expect(screenshotFileName('Board / Q3 review: "final"', at)).toBe(
      'Board-Q3-review-final-20261105-090703.png',
    );
  });

  it('keeps letters of any script, accents included', () => {
    expect(screenshotFileName('Müller café', at)).toBe('Müller-café-20261105-090703.png');
    expect(screenshotFileName('会議 1', at)).toBe('会議-1-20261105-090703.png');
  });

  it('falls back to "conference" when nothing usable is left', () => {
    expect(screenshotFileName('///', at)).toBe('conference-20261105-090703.png');
    expect(screenshotFileName('', at)).toBe('conference-20261105-090703.png');
  });
});
