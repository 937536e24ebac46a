import { parseStoredEntry, type OutboxEntry } from './outbox-entry';

/**
 * The outbox in this browser's localStorage, one key per decision
 * (`verity.outbox:<userId>:<idempotencyKey>`), so tabs of one browser never overwrite each
 * other's decisions, and each user reads only their own. What is read back is checked (and an
 * entry stored by an earlier version upgraded): an entry that does not parse is left where it is,
 * never sent.
 */
const ROOT = 'verity.outbox:';
// Encoded, so an id holding `:` cannot pass for another user's prefix.
const prefix = (userId: string) => `${ROOT}${encodeURIComponent(userId)}:`;
const keyOf = (entry: Pick<OutboxEntry, 'userId' | 'key'>) => `${prefix(entry.userId)}${entry.key}`;

function parse(storageKey: string): OutboxEntry | null {
  const text = localStorage.getItem(storageKey);
  if (text === null) return null;
  try {
    const owner = decodeURIComponent(
      storageKey.slice(ROOT.length, storageKey.indexOf(':', ROOT.length)),
    );
    return owner ? parseStoredEntry(JSON.parse(text), owner) : null;
  } catch {
    return null; // not JSON, or a key that does not decode
  }
}

const storageKeys = () =>
  Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
    (key): key is string => key?.startsWith(ROOT) === true,
  );

export function readEntries(userId: string): OutboxEntry[] {
  return storageKeys()
    .filter((key) => key.startsWith(prefix(userId)))
    .map(parse)
    .filter((entry) => entry !== null);
}

/**
 * How many decisions other users left in this browser, still to send: all that anyone else may
 * learn of them. They go out only when their maker signs in again.
 */
export function countWaitingForOthers(userId: string, isUnsent: (entry: OutboxEntry) => boolean) {
  return storageKeys()
    .filter((key) => !key.startsWith(prefix(userId)))
    .map(parse)
    .filter((entry) => entry !== null && isUnsent(entry)).length;
}

export function writeEntry(entry: OutboxEntry) {
  localStorage.setItem(keyOf(entry), JSON.stringify(entry));
}

export function removeEntry(entry: OutboxEntry) {
  localStorage.removeItem(keyOf(entry));
}

/** Whether a storage event from another tab concerns an outbox (anyone's: the count above). */
export const isOutboxKey = (storageKey: string | null) =>
  storageKey === null || storageKey.startsWith(ROOT);
