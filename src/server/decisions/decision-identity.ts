import type { Transaction } from 'kysely';
import { canonicalJson } from '../../api/audit-canonical';
import type { Decision } from '../../api/schemas/decision';
import type { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import { actorOf, conflict } from '../claims/item-state';
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
 * Whether a request sent again with a key asks for what is recorded under it: the same verdict and
 * note (an empty note is recorded as none), correcting the same decision (a retry, or a second
 * tab). Anything else under that key is another decision, which the key cannot name. The version
 * it was made on may differ: a retry sent after reading the item again names the version the
 * recorded decision made.
 */
const asksForRecorded = (
  recorded: Decision,
  asked: Pick<Decision, 'verdict' | 'note' | 'supersedes'>,
) =>
  recorded.note === (asked.note || null) &&
  recorded.supersedes === asked.supersedes &&
  canonicalJson(recorded.verdict) === canonicalJson(asked.verdict);

/**
 * A decision or correction sent again under the caller's key, whose decision on this item is
 * recorded: answered with that decision, the replay on the record too. Asking for another decision
 * under the key is refused (409 `key_reused`).
 */
export async function replayRecorded(
  trx: Transaction<Database>,
  user: User,
  recorded: Decision,
  idempotencyKey: string,
  asked: Pick<Decision, 'verdict' | 'note' | 'supersedes'>,
  now: Date,
): Promise<Decision> {
  if (!asksForRecorded(recorded, asked))
    throw conflict(
      'key_reused',
      'This idempotency key was already used for another decision: a new decision needs a new key.',
    );
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'item.decision_replayed',
      subject: { type: 'item', id: recorded.itemId },
      detail: { decisionId: recorded.id, idempotencyKey: keyDigest(user.id, idempotencyKey) },
    },
  ]);
  return recorded;
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
