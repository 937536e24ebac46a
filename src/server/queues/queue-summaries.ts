import type { Transaction } from 'kysely';
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

const earlier = (a: Date | null, b: Date | null) => (a === null || (b !== null && b < a) ? b : a);

/**
 * When the longest-waiting item of a status view entered that status: the oldest of its items'
 * latest standing decisions (an item without one entered it when flagged).
 */
async function oldestInStatus(trx: Transaction<Database>, status: ItemStatus) {
  const row = await trx
    .selectFrom('items')
    .where('items.status', '=', status)
    .select((eb) =>
      eb.fn
        .min(
          eb.fn.coalesce(
            eb
              .selectFrom('decisions')
              .select('decisions.at')
              .whereRef('decisions.item_id', '=', 'items.id')
              .where('decisions.undone_at', 'is', null)
              .orderBy('decisions.at', 'desc')
              .orderBy('decisions.item_version', 'desc')
              .limit(1),
            'items.flagged_at',
          ),
        )
        .as('oldest'),
    )
    .executeTakeFirst();
  return row?.oldest ?? null;
}

/**
 * Every queue's counts by status, how many wait and since when, and how many of its items the
 * user holds: counted in the database, by triage queue and status.
 */
export async function summarizeQueues(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
): Promise<QueueSummary[]> {
  const [counts, oldestPending, held, oldestSecond, oldestEscalated] = await Promise.all([
    trx
      .selectFrom('items')
      .select(['queue_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['queue_id', 'status'])
      .execute(),
    trx
      .selectFrom('items')
      .where('status', '=', 'pending')
      .select(['queue_id', (eb) => eb.fn.min('flagged_at').as('oldest')])
      .groupBy('queue_id')
      .execute(),
    trx
      .selectFrom('claims')
      .innerJoin('items', 'items.id', 'claims.item_id')
      .where('claims.holder_id', '=', userId)
      .where('claims.expires_at', '>', now)
      .select(['items.queue_id', 'items.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['items.queue_id', 'items.status'])
      .execute(),
    oldestInStatus(trx, 'awaiting_second_review'),
    oldestInStatus(trx, 'escalated'),
  ]);
  return queueDefinitions.map((queue): QueueSummary => {
    const tally = emptyCounts();
    for (const { queue_id, status, n } of counts)
      if (holds(queue, queue_id, status)) tally[status] += n;
    let heldByMe = 0;
    for (const { queue_id, status, n } of held) if (holds(queue, queue_id, status)) heldByMe += n;
    const oldest =
      queue.kind === 'triage'
        ? oldestPending
            .filter((row) => row.queue_id === queue.id)
            .reduce<Date | null>((a, row) => earlier(a, row.oldest), null)
        : queue.kind === 'second_review'
          ? oldestSecond
          : oldestEscalated;
    return {
      id: queue.id,
      name: queue.name,
      description: queue.description,
      kind: queue.kind,
      slaSeconds: queue.slaSeconds,
      waiting: tally[waitingStatus[queue.kind]],
      counts: tally,
      oldestWaitingSince: oldest === null ? null : new Date(oldest).toISOString(),
      heldByMe,
    };
  });
}
