import { sql, type Transaction } from 'kysely';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { stageOf, waitingStatus } from '../../domain/review-rules';
import type { Database } from '../db/tables';
import { queueDefinitions, type QueueDefinition } from '../directory/directory';
import { Refusal } from '../refusal';
import type { ReviewRules } from '../server-context';
import { claimLocked } from './claims';
import { liveLease, readLocked, reviewRefusalFor, type LockedItem } from './item-state';

/**
 * The claim "Start reviewing" tried was refused (the hold limit): a refusal about that item, so
 * the attempt is recorded with it, after the request's own transaction rolled back.
 */
export class NextClaimRefused extends Refusal {
  constructor(
    readonly itemId: string,
    refusal: Refusal,
  ) {
    super(refusal.kind, refusal.code, refusal.message, refusal.field);
  }
}

/** Whether the queue shows the item and it waits there for a review (the mock's `isWaitingIn`). */
function waitsIn(queue: QueueDefinition, item: FlaggedItem) {
  if (item.status !== waitingStatus[queue.kind]) return false;
  return queue.kind !== 'triage' || item.queueId === queue.id;
}

/**
 * The best candidate in the database: waiting in the queue, held by no one, one the reviewer may
 * review (never their own second review, nor one whose first verdict they read; escalations only
 * for supervisors), most urgent first — its row locked, skipping rows another transaction locked
 * (another reviewer taking it now), so concurrent callers on any instance get distinct items.
 */
async function nextCandidate(
  trx: Transaction<Database>,
  queue: QueueDefinition,
  user: User,
  now: Date,
  passed: readonly string[],
): Promise<string | null> {
  const stage = stageOf(waitingStatus[queue.kind]);
  if (stage === 'supervisor' && user.role !== 'supervisor') return null;
  let query = trx
    .selectFrom('items')
    .leftJoin('claims', 'claims.item_id', 'items.id')
    .select('items.id')
    .where('items.status', '=', waitingStatus[queue.kind])
    .where((eb) => eb.or([eb('claims.item_id', 'is', null), eb('claims.expires_at', '<=', now)]));
  if (queue.kind === 'triage') query = query.where('items.queue_id', '=', queue.id);
  if (passed.length > 0) query = query.where('items.id', 'not in', passed);
  if (stage !== 'first')
    // Not one the reviewer took part in since its latest first review (four eyes).
    query = query.where(
      sql<boolean>`not exists (select 1 from decisions d where d.item_id = items.id
        and d.undone_at is null and d.stage <> 'supervisor' and d.actor_id = ${user.id}
        and d.item_version >= (select max(f.item_version) from decisions f
          where f.item_id = items.id and f.undone_at is null and f.stage = 'first'))`,
    );
  if (stage === 'second')
    query = query.where(
      sql<boolean>`not exists (select 1 from verdict_readers r
        where r.item_id = items.id and r.user_id = ${user.id})`,
    );
  const row = await query
    .orderBy('items.priority')
    .orderBy('items.sla_due_at')
    .orderBy(sql`items.id collate "C"`)
    .limit(1)
    .forNoKeyUpdate(['items'])
    .skipLocked()
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * "Start reviewing": of the items waiting in the queue that no one holds and the user may review,
 * the highest priority, then the earliest SLA due (then the id), claimed for the caller in
 * `window`; null when none is left. A candidate is checked again once locked, by the same rules as
 * a claim: one taken meanwhile (its claim committed after this query began) is passed over.
 */
export async function startReviewing(
  trx: Transaction<Database>,
  queueId: string,
  user: User,
  now: Date,
  rules: Pick<ReviewRules, 'leaseSeconds' | 'maxHeld'>,
  window: string | null,
): Promise<FlaggedItem | null> {
  const queue = queueDefinitions.find((q) => q.id === queueId);
  if (!queue) throw new Refusal('not_found', 'not_found', `No queue ${queueId}.`);
  const passed: string[] = [];
  for (;;) {
    const id = await nextCandidate(trx, queue, user, now, passed);
    if (id === null) return null;
    const locked: LockedItem = await readLocked(trx, id);
    const { item } = locked;
    if (!waitsIn(queue, item) || liveLease(item, now) || reviewRefusalFor(locked, user)) {
      passed.push(id);
      continue;
    }
    try {
      return await claimLocked(trx, locked, user, now, rules, { window, takeOver: false });
    } catch (error) {
      if (error instanceof Refusal) throw new NextClaimRefused(item.id, error);
      throw error;
    }
  }
}
