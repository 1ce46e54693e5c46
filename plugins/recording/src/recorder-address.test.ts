import { describe, expect, it } from 'vitest';
import { recorderDial } from './recorder-address';

describe('recorderDial', () => {
  it.each([
    ['rtmp://live.example.com/app/key', 'rtmp://live.example.com/app/key', 'rtmp'],
    ['rtmps://live.example.com:443/app/key', 'rtmps://live.example.com:443/app/key', 'rtmp'],
    ['RTMP://LIVE.example.com/app', 'RTMP://LIVE.example.com/app', 'rtmp'],
    ['sip:recorder@example.com', 'recorder@example.com', 'sip'],
    ['SIP:recorder@example.com', 'recorder@example.com', 'sip'],
    ['h323:10.0.0.5', '10.0.0.5', 'h323'],
    ['mssip:recorder@example.com', 'recorder@example.com', 'mssip'],
    ['recorder@example.com', 'recorder@example.com', 'auto'],
    ['  recorder@example.com  ', 'recorder@example.com', 'auto'],
  ])('dials %j as %j over %s', (address, destination, protocol) => {
    expect(recorderDial(address)).toEqual({ destination, protocol });
  });

  it('leaves an unknown scheme to the node (auto) with the address whole', () => {
    expect(recorderDial('tel:+4712345678')).toEqual({
      destination: 'tel:+4712345678',
      protocol: 'auto',
    });
  });

  it('does not strip a prefix that has nothing after it', () => {
    expect(recorderDial('sip:')).toEqual({ destination: 'sip:', protocol: 'auto' });
  });
});
