import { browserLocalStorage, type KeyValueStorage } from '../../../lib/key-value-storage';
import { parseStoredEntry, type OutboxEntry } from './outbox-entry';

/**
 * The outbox in this browser's localStorage, one key per decision
 * (`verity.outbox:<userId>:<idempotencyKey>`), so tabs of one browser never overwrite each
 * other's decisions, and each user reads only their own. What is read back is parsed with the
 * entry's zod schema (`outbox-entry.ts`; an entry of the first version is upgraded). An entry of
 * the user's that does not parse is never sent and never dropped: it is moved, text unchanged, to
 * `verity.outbox-unreadable:<userId>:<key>`, and the outbox says how many are kept aside there
 * (see docs/safety-rules.md). One a newer console stored (a higher `version`, another tab during a
 * deployment) is left where it is, for that console.
 *
 * `outboxStorage` keeps it in any such storage (a unit test's map); the functions exported below
 * keep it in this browser's `localStorage`.
 */
const ROOT = 'verity.outbox:';
// Encoded, so an id holding `:` cannot pass for another user's prefix.
const prefix = (userId: string) => `${ROOT}${encodeURIComponent(userId)}:`;
const keyOf = (entry: Pick<OutboxEntry, 'userId' | 'key'>) => `${prefix(entry.userId)}${entry.key}`;

const SET_ASIDE = 'verity.outbox-unreadable:';
const setAsidePrefix = (userId: string) => `${SET_ASIDE}${encodeURIComponent(userId)}:`;
const CURRENT_VERSION = 2;

type Read =
  | { kind: 'entry'; entry: OutboxEntry }
  | { kind: 'unreadable'; text: string }
  /** Stored by a newer console, or gone meanwhile: not this console's to judge. */
  | { kind: 'other' };

function newerVersion(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('version' in value)) return false;
  return typeof value.version === 'number' && value.version > CURRENT_VERSION;
}

/** The outbox's keys in `storage`. */
export function outboxStorage(storage: KeyValueStorage) {
  function read(storageKey: string): Read {
    const text = storage.getItem(storageKey);
    if (text === null) return { kind: 'other' };
    let value: unknown;
    let owner: string;
    try {
      value = JSON.parse(text);
      owner = decodeURIComponent(
        storageKey.slice(ROOT.length, storageKey.indexOf(':', ROOT.length)),
      );
    } catch {
      return { kind: 'unreadable', text }; // not JSON, or a key that does not decode
    }
    const entry = owner ? parseStoredEntry(value, owner) : null;
    if (entry) return { kind: 'entry', entry };
    return newerVersion(value) ? { kind: 'other' } : { kind: 'unreadable', text };
  }

  const parse = (storageKey: string): OutboxEntry | null => {
    const found = read(storageKey);
    return found.kind === 'entry' ? found.entry : null;
  };

  const listeners = new Set<() => void>();

  /** Moves an unreadable entry aside; if storage refuses, it stays where it is (and still counts). */
  function setAside(storageKey: string, text: string) {
    try {
      storage.setItem(`${SET_ASIDE}${storageKey.slice(ROOT.length)}`, text);
      storage.removeItem(storageKey);
    } catch {
      // Storage full or denied: left where it was, never lost.
    }
  }

  const allKeys = () => Array.from({ length: storage.length }, (_, i) => storage.key(i));
  const storageKeys = () =>
    allKeys().filter((key): key is string => key?.startsWith(ROOT) === true);

  return {
    /** The user's entries; any of theirs that cannot be read is moved aside (and listeners told). */
    readEntries: (userId: string): OutboxEntry[] => {
      const entries: OutboxEntry[] = [];
      let moved = false;
      for (const key of storageKeys().filter((k) => k.startsWith(prefix(userId)))) {
        const found = read(key);
        if (found.kind === 'entry') entries.push(found.entry);
        if (found.kind === 'unreadable') {
          setAside(key, found.text);
          moved = true;
        }
      }
      if (moved) for (const listener of listeners) listener();
      return entries;
    },

    /**
     * How many of the user's stored decisions could not be read and are kept aside (under
     * `verity.outbox-unreadable:`, or where they were if storage refused the move).
     */
    countSetAside: (userId: string): number => {
      const aside = allKeys().filter((key) => key?.startsWith(setAsidePrefix(userId))).length;
      const stuck = storageKeys().filter(
        (key) => key.startsWith(prefix(userId)) && read(key).kind === 'unreadable',
      ).length;
      return aside + stuck;
    },

    /** Calls `listener` when this tab sets entries aside; returns the unsubscribe. */
    onSetAside: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    /**
     * How many decisions other users left in this browser, still to send: all that anyone else
     * may learn of them. They go out only when their maker signs in again.
     */
    countWaitingForOthers: (userId: string, isUnsent: (entry: OutboxEntry) => boolean) =>
      storageKeys()
        .filter((key) => !key.startsWith(prefix(userId)))
        .map(parse)
        .filter((entry) => entry !== null && isUnsent(entry)).length,

    writeEntry: (entry: OutboxEntry) => storage.setItem(keyOf(entry), JSON.stringify(entry)),
    removeEntry: (entry: OutboxEntry) => storage.removeItem(keyOf(entry)),
  };
}

export type OutboxStorage = ReturnType<typeof outboxStorage>;

/** The outbox in this browser's localStorage. */
export const browserOutboxStorage = outboxStorage(browserLocalStorage);
export const { readEntries, countSetAside, countWaitingForOthers, writeEntry, removeEntry } =
  browserOutboxStorage;

/** Calls `listener` when entries are set aside here or in another tab; returns the unsubscribe. */
export function subscribeSetAside(listener: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(SET_ASIDE)) listener();
  };
  const unsubscribe = browserOutboxStorage.onSetAside(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    window.removeEventListener('storage', onStorage);
  };
}

/** Whether a storage event from another tab concerns an outbox (anyone's: the count above). */
export const isOutboxKey = (storageKey: string | null) =>
  storageKey === null || storageKey.startsWith(ROOT);
