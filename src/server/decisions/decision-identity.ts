import type { Transaction } from 'kysely';
import type { Decision } from '../../api/schemas/decision';
import { sha256Hex } from '../../lib/sha256-hex';
import type { Database } from '../db/tables';
import { decisionOf, selectDecisions } from './decision-rows';

/**
 * An idempotency key as the server keeps it: scoped to its user, so one user's key never names,
 * blocks or undoes another user's decision.
 */
const userKey = (userId: string, idempotencyKey: string) => `${userId}\n${idempotencyKey}`;

/**
 * What the audit log shows of an idempotency key: a digest that ties a replay or an undo to its
 * decision without handing anyone a key they could send.
 */
export const keyDigest = (userId: string, idempotencyKey: string) =>
  sha256Hex(userKey(userId, idempotencyKey)).slice(0, 16);

/** The decision this user sent with this key, if any, and whether it was undone since. */
export async function decisionByKey(
  trx: Transaction<Database>,
  userId: string,
  idempotencyKey: string,
): Promise<{ decision: Decision; undone: boolean } | null> {
  const row = await selectDecisions(trx)
    .where('decisions.actor_id', '=', userId)
    .where('decisions.idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row ? { decision: decisionOf(row), undone: row.undone_at !== null } : null;
}

/**
 * A new decision id for the item, never one it issued before: undone decisions keep their rows and
 * their ids, so counting every row of the item (under its lock) gives the next.
 */
export async function nextDecisionId(trx: Transaction<Database>, itemId: string) {
  const { issued } = await trx
    .selectFrom('decisions')
    .select((eb) => eb.fn.countAll<string>().as('issued'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return `dec_${itemId.slice(4)}_${Number(issued) + 1}`;
}
