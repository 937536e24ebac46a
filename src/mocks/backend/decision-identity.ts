import type { FlaggedItem } from '../../api/schemas/item';
import { sha256Hex } from '../../lib/sha256-hex';
import type { MockState } from './backend';

/**
 * An idempotency key as the server keeps it: scoped to its user, so one user's key never names,
 * blocks or undoes another user's decision.
 */
export const userKey = (userId: string, idempotencyKey: string) => `${userId}\n${idempotencyKey}`;

/**
 * What the audit log shows of an idempotency key: a digest that ties a replay or an undo to its
 * decision without handing anyone a key they could send.
 */
export const keyDigest = (userId: string, idempotencyKey: string) =>
  sha256Hex(userKey(userId, idempotencyKey)).slice(0, 16);

/** A new decision id for the item, never one it issued before (an undone decision keeps its id). */
export function nextDecisionId(state: MockState, item: FlaggedItem): string {
  const issued =
    (state.decisionIdsIssued.get(item.id) ?? state.decisions.get(item.id)?.length ?? 0) + 1;
  state.decisionIdsIssued.set(item.id, issued);
  return `dec_${item.id.slice(4)}_${issued}`;
}
