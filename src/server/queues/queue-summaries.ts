import { sql, type Transaction } from 'kysely';
import type { ItemStatus } from '../../api/schemas/item';
import type { QueueSummary, StatusCounts } from '../../api/schemas/queue';
import { waitingStatus } from '../../domain/review-rules';
import type { Database } from '../db/tables';
import { queueDefinitions, type QueueDefinition } from '../directory/directory';

const emptyCounts = (): StatusCounts => ({
  pending: 0,
  awaiting_second_review: 0,
  escalated: 0,
  confirmed: 0,
  dismissed: 0,
});

/** Whether a queue holds items of this triage queue and status: its routed items, or a status view. */
const holds = (queue: QueueDefinition, queueId: string, status: ItemStatus) =>
  queue.kind === 'triage' ? queueId === queue.id : status === waitingStatus[queue.kind];

/**
 * When the longest-waiting item of a status view entered that status: the oldest of its items'
 * latest standing decisions (`status_since`; an item without one entered it when flagged).
 */
async function oldestInStatus(trx: Transaction<Database>, status: ItemStatus) {
  const row = await trx
    .selectFrom('items')
    .where('status', '=', status)
    .select(sql<Date | null>`min(coalesce(status_since, flagged_at))`.as('oldest'))
    .executeTakeFirst();
  return row?.oldest ?? null;
}

/** When the longest-waiting item of a triage queue was flagged. */
async function oldestPending(trx: Transaction<Database>, queueId: string) {
  const row = await trx
    .selectFrom('items')
    .where('queue_id', '=', queueId)
    .where('status', '=', 'pending')
    .select((eb) => eb.fn.min('flagged_at').as('oldest'))
    .executeTakeFirst();
  return row?.oldest ?? null;
}

/** When the longest-waiting item of a queue started waiting there. */
const oldestWaiting = (trx: Transaction<Database>, queue: QueueDefinition) =>
  queue.kind === 'triage'
    ? oldestPending(trx, queue.id)
    : oldestInStatus(trx, waitingStatus[queue.kind]);

/**
 * Every queue's counts by status, how many wait and since when, and how many of its items the
 * user holds: from the counts the database keeps by queue and status, and an index per oldest.
 */
export async function summarizeQueues(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
): Promise<QueueSummary[]> {
  const [counts, held, oldest] = await Promise.all([
    trx
      .selectFrom('item_counts')
      .select(['queue_id', 'status', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .groupBy(['queue_id', 'status'])
      .execute(),
    trx
      .selectFrom('claims')
      .innerJoin('items', 'items.id', 'claims.item_id')
      .where('claims.holder_id', '=', userId)
      .where('claims.expires_at', '>', now)
      .select(['items.queue_id', 'items.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['items.queue_id', 'items.status'])
      .execute(),
    Promise.all(queueDefinitions.map((queue) => oldestWaiting(trx, queue))),
  ]);
  return queueDefinitions.map((queue, index): QueueSummary => {
    const tally = emptyCounts();
    for (const { queue_id, status, n } of counts)
      if (holds(queue, queue_id, status)) tally[status] += Number(n);
    let heldByMe = 0;
    for (const { queue_id, status, n } of held) if (holds(queue, queue_id, status)) heldByMe += n;
    const since = oldest[index] ?? null;
    return {
      id: queue.id,
      name: queue.name,
      description: queue.description,
      kind: queue.kind,
      slaSeconds: queue.slaSeconds,
      waiting: tally[waitingStatus[queue.kind]],
      counts: tally,
      oldestWaitingSince: since === null ? null : new Date(since).toISOString(),
      heldByMe,
    };
  });
}
