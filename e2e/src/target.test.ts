import { describe, expect, it } from 'vitest';
import { describeTarget, targetFromEnv, TargetConfigError } from './target.js';

describe('describeTarget', () => {
  it('names the mock node when no PEXIP_NODE_URL is set', () => {
    expect(describeTarget(targetFromEnv({}))).toBe(
      'against the mock node (one per worker), alias secure',
    );
  });

  it('names the real node and the conference when PEXIP_NODE_URL is set', () => {
    const target = targetFromEnv({
      PEXIP_NODE_URL: 'https://pexip.example.com/',
      PEXIP_ALIAS: 'meet.e2e',
      PEXIP_HOST_PIN: '1234',
    });
    expect(describeTarget(target)).toBe('against https://pexip.example.com, alias meet.e2e');
  });
});

describe('targetFromEnv', () => {
  it('refuses a node URL without a conference alias', () => {
    expect(() => targetFromEnv({ PEXIP_NODE_URL: 'https://pexip.example.com' })).toThrow(
      TargetConfigError,
    );
  });

  it('refuses a guest PIN without a host PIN, as Pexip does', () => {
    expect(() =>
      targetFromEnv({
        PEXIP_NODE_URL: 'https://pexip.example.com',
        PEXIP_ALIAS: 'meet',
        PEXIP_GUEST_PIN: '5678',
      }),
    ).toThrow(/PEXIP_GUEST_PIN needs PEXIP_HOST_PIN/);
  });
});
