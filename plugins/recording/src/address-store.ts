/** Where the last recorder address is remembered between calls. */
export interface AddressStore {
  read(): string;
  write(address: string): void;
}

export const ADDRESS_KEY = 'ipk-recording.address';
/** The key the seed's recording plugin used: read it so an upgrade keeps the host's address. */
export const SEED_ADDRESS_KEY = 'pexSimpleRecordPluginAlias';

/**
 * Remembers the address in `localStorage` (per browser, as the seed plugin does). Storage can be
 * missing or throw (private windows, disabled storage): then nothing is remembered, nothing fails.
 * `storage` is looked up on each call, never at load, so the bundle's top level touches no DOM.
 */
export function browserAddressStore(
  storage: () => Storage = () => window.localStorage,
): AddressStore {
  return {
    read() {
      try {
        const store = storage();
        return store.getItem(ADDRESS_KEY) ?? store.getItem(SEED_ADDRESS_KEY) ?? '';
      } catch {
        return '';
      }
    },
    write(address) {
      try {
        storage().setItem(ADDRESS_KEY, address);
      } catch {
        // Not remembered; the recording itself does not depend on it.
      }
    },
  };
}
