import { afterEach, describe, expect, it } from 'vitest';
import { SEED_ADDRESS_KEY, browserAddressStore } from './address-store';

afterEach(() => localStorage.clear());

describe('browserAddressStore', () => {
  it('remembers the address per browser', () => {
    browserAddressStore().write('rtmp://a');
    expect(browserAddressStore().read()).toBe('rtmp://a');
  });

  it("picks up the seed plugin's remembered alias", () => {
    localStorage.setItem(SEED_ADDRESS_KEY, 'sip:old@example.com');
    expect(browserAddressStore().read()).toBe('sip:old@example.com');
  });

  it('works, remembering nothing, when storage is unavailable', () => {
    const store = browserAddressStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => store.write('x')).not.toThrow();
    expect(store.read()).toBe('');
  });
});
