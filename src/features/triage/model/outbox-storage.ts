import { DecisionRequest } from '../../../api/schemas/decision';
import type { OutboxEntry } from './outbox';

/**
 * The outbox in this browser's localStorage, one key per decision
 * (`verity.outbox:<userId>:<idempotencyKey>`), so tabs of one browser never overwrite each
 * other's decisions, and each user reads only their own. What is read back is checked: an entry
 * that does not parse is left where it is, never sent.
 */
const prefix = (userId: string) => `verity.outbox:${userId}:`;
const keyOf = (entry: Pick<OutboxEntry, 'userId' | 'key'>) => `${prefix(entry.userId)}${entry.key}`;

const states = new Set<OutboxEntry['state']>([
  'sending',
  'retrying',
  'signin',
  'conflict',
  'rejected',
  'undone',
]);

function parseEntry(text: string | null, userId: string): OutboxEntry | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as Partial<OutboxEntry>;
    const request = DecisionRequest.safeParse(raw.request);
    if (
      !request.success ||
      raw.userId !== userId ||
      typeof raw.key !== 'string' ||
      raw.key !== request.data.idempotencyKey ||
      typeof raw.itemId !== 'string' ||
      typeof raw.madeAt !== 'number' ||
      typeof raw.attempts !== 'number' ||
      !raw.state ||
      !states.has(raw.state)
    )
      return null;
    return {
      key: raw.key,
      userId,
      itemId: raw.itemId,
      request: request.data,
      madeAt: raw.madeAt,
      state: raw.state,
      attempts: raw.attempts,
      ...(raw.retryAt !== undefined ? { retryAt: raw.retryAt } : {}),
      ...(raw.message !== undefined ? { message: raw.message } : {}),
    };
  } catch {
    return null;
  }
}

export function readEntries(userId: string): OutboxEntry[] {
  const entries: OutboxEntry[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(prefix(userId))) continue;
    const entry = parseEntry(localStorage.getItem(key), userId);
    if (entry) entries.push(entry);
  }
  return entries;
}

export function writeEntry(entry: OutboxEntry) {
  localStorage.setItem(keyOf(entry), JSON.stringify(entry));
}

export function removeEntry(entry: OutboxEntry) {
  localStorage.removeItem(keyOf(entry));
}

/** Whether a storage event from another tab concerns this user's outbox. */
export const isOutboxKey = (storageKey: string | null, userId: string) =>
  storageKey === null || storageKey.startsWith(prefix(userId));
