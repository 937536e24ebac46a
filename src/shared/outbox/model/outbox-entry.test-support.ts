import type { DecisionRequest } from '../../../api/schemas/decision';
import type { OutboxEntry } from './outbox-entry';

/** A decision waiting to be sent, in the outbox's stored shape, with a fresh idempotency key. */
export function storedDecision(
  itemId: string,
  userId: string,
  verdict: DecisionRequest['verdict'],
  madeAt: number,
): OutboxEntry {
  const key = crypto.randomUUID();
  return {
    version: 2,
    key,
    userId,
    itemId,
    request: { verdict, note: null, itemVersion: 1, idempotencyKey: key, madeBy: userId },
    madeAt,
    state: 'sending',
    attempts: 0,
  };
}
