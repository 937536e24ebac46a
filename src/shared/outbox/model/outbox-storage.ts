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

function read(storageKey: string): Read {
  const text = localStorage.getItem(storageKey);
  if (text === null) return { kind: 'other' };
  let value: unknown;
  let owner: string;
  try {
    value = JSON.parse(text);
    owner = decodeURIComponent(storageKey.slice(ROOT.length, storageKey.indexOf(':', ROOT.length)));
  } catch {
    return { kind: 'unreadable', text }; // not JSON, or a key that does not decode
  }
  const entry = owner ? parseStoredEntry(value, owner) : null;
  if (entry) return { kind: 'entry', entry };
  return newerVersion(value) ? { kind: 'other' } : { kind: 'unreadable', text };
}

function newerVersion(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('version' in value)) return false;
  return typeof value.version === 'number' && value.version > CURRENT_VERSION;
}

const parse = (storageKey: string): OutboxEntry | null => {
  const found = read(storageKey);
  return found.kind === 'entry' ? found.entry : null;
};

const listeners = new Set<() => void>();

/** Moves an unreadable entry aside; if storage refuses, it stays where it is (and still counts). */
function setAside(storageKey: string, text: string) {
  try {
    localStorage.setItem(`${SET_ASIDE}${storageKey.slice(ROOT.length)}`, text);
    localStorage.removeItem(storageKey);
  } catch {
    // Storage full or denied: left where it was, never lost.
  }
}

const storageKeys = () =>
  Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
    (key): key is string => key?.startsWith(ROOT) === true,
  );

/** The user's entries; any of theirs that cannot be read is moved aside (and listeners told). */
export function readEntries(userId: string): OutboxEntry[] {
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
}

/**
 * How many of the user's stored decisions could not be read and are kept aside (under
 * `verity.outbox-unreadable:`, or where they were if storage refused the move).
 */
export function countSetAside(userId: string): number {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
  const aside = keys.filter((key) => key?.startsWith(setAsidePrefix(userId))).length;
  const stuck = storageKeys().filter(
    (key) => key.startsWith(prefix(userId)) && read(key).kind === 'unreadable',
  ).length;
  return aside + stuck;
}

/** Calls `listener` when entries are set aside here or in another tab; returns the unsubscribe. */
export function subscribeSetAside(listener: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(SET_ASIDE)) listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
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
