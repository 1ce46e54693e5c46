import { describe, expect, it } from 'vitest';
import { formatSkips, skipReason } from './run-summary-reporter.js';

describe('formatSkips', () => {
  it('prints nothing when nothing was skipped', () => {
    expect(formatSkips([])).toEqual([]);
  });

  it('groups skipped tests under their reason, with the projects that skipped each', () => {
    const mockOnly = "needs the mock node's /_mock/ test API";
    expect(
      formatSkips([
        { project: 'web', title: 'dtmf.spec.ts › dtmf › digits', reason: mockOnly },
        { project: 'ios', title: 'dtmf.spec.ts › dtmf › digits', reason: mockOnly },
        { project: 'ios', title: 'settings.spec.ts › allowUnload', reason: 'limited to web' },
        { project: 'web', title: 'recording.spec.ts › holds RTMP', reason: mockOnly },
      ]),
    ).toEqual([
      '4 skipped, and why:',
      `  ${mockOnly}`,
      '    [web, ios] dtmf.spec.ts › dtmf › digits',
      '    [web] recording.spec.ts › holds RTMP',
      '  limited to web',
      '    [ios] settings.spec.ts › allowUnload',
    ]);
  });
});

describe('skipReason', () => {
  it('is the reason given to test.skip()', () => {
    expect(skipReason([{ type: 'skip', description: 'no guest PIN' }])).toBe('no guest PIN');
  });

  it('says so when a skip gave no reason', () => {
    expect(skipReason([{ type: 'skip' }])).toMatch(/^skipped without a reason/);
  });

  it('tells a test that never started from a skipped one', () => {
    expect(skipReason([])).toMatch(/^did not run: an earlier test of its serial group failed/);
  });
});
