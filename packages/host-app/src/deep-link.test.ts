import { describe, expect, it } from 'vitest';
import { joinedAddress, parseDeepLink } from './deep-link.js';

const at = (url: string) => {
  const { pathname, search } = new URL(url, 'https://node.example');
  return parseDeepLink({ pathname, search });
};

describe('parseDeepLink', () => {
  it('joins straight away from /conference/<alias>?name=…&pin=…&join=1', () => {
    expect(at('/webapp2/conference/meet?name=Alice&pin=1234&join=1')).toMatchObject({
      alias: 'meet',
      displayName: 'Alice',
      pin: '1234',
      joinNow: true,
    });
  });

  it('fills the join screen but waits for the user without join=1', () => {
    expect(at('/webapp2/conference/meet?name=Alice')).toMatchObject({
      alias: 'meet',
      displayName: 'Alice',
      joinNow: false,
    });
  });

  it('joins straight away from ?conference=<alias>', () => {
    expect(at('/webapp2/?conference=meet&name=Bob')).toMatchObject({
      alias: 'meet',
      displayName: 'Bob',
      joinNow: true,
    });
  });

  it('decodes an alias with escapes in the path', () => {
    expect(at('/webapp2/conference/meet%40example.com').alias).toBe('meet@example.com');
  });

  it('keeps a malformed escape as typed instead of failing', () => {
    expect(at('/webapp2/conference/100%25%zz').alias).toBe('100%25%zz');
  });

  it('names no conference on the plain app address', () => {
    expect(at('/webapp2/')).toMatchObject({ alias: null, joinNow: false, pin: null });
  });

  it('treats blank values as absent', () => {
    expect(at('/webapp2/?conference=%20&name=')).toMatchObject({ alias: null, displayName: null });
  });

  it('reads ?strictPlugins=1 for Oops-page parity', () => {
    expect(at('/webapp2/?strictPlugins=1').hostOptions.strictPlugins).toBe(true);
    expect(at('/webapp2/?strictPlugins=true').hostOptions.strictPlugins).toBe(true);
    expect(at('/webapp2/?strictPlugins=0').hostOptions.strictPlugins).toBe(false);
  });

  it('hands the host plain options: one set of rules for every switch', () => {
    expect(
      at('/webapp2/?media=no&mediaTimeoutMs=3000&pluginLoadTimeoutMs=500&platform=ios').hostOptions,
    ).toMatchObject({
      media: false,
      mediaConnectTimeoutMs: 3000,
      pluginLoadTimeoutMs: 500,
      platform: 'ios',
    });
    const plain = at('/webapp2/?media=maybe&mediaTimeoutMs=-1&platform=windows').hostOptions;
    expect(plain).not.toHaveProperty('media');
    expect(plain).not.toHaveProperty('mediaConnectTimeoutMs');
    expect(plain).not.toHaveProperty('platform');
  });

  it('the address once joined is the conference path without the query', () => {
    expect(joinedAddress('meet')).toBe('/webapp2/conference/meet');
    expect(joinedAddress('a b/c')).toBe('/webapp2/conference/a%20b%2Fc');
  });

  it('offers every query parameter as plain strings, for PEX.conferenceQueryParams', () => {
    expect(at('/webapp2/conference/meet?name=Al&role=guest&extra=x').queryParams).toEqual({
      name: 'Al',
      role: 'guest',
      extra: 'x',
    });
  });
});
