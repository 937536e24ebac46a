import type { FlaggedItem, ItemStatus } from '../../api/schemas/item';
import type { QueueSummary, StatusCounts } from '../../api/schemas/queue';
import type { QueueDefinition } from './directory';

const emptyCounts = (): StatusCounts => ({
  pending: 0,
  awaiting_second_review: 0,
  escalated: 0,
  confirmed: 0,
  dismissed: 0,
});

/** Which items a queue shows: its routed items, or every item in the status it is a view of. */
export function queueContains(queue: QueueDefinition, item: FlaggedItem): boolean {
  switch (queue.kind) {
    case 'triage':
      return item.queueId === queue.id;
    case 'second_review':
      return item.status === 'awaiting_second_review';
    case 'escalations':
      return item.status === 'escalated';
  }
}

const waitingStatus: Record<QueueDefinition['kind'], ItemStatus> = {
  triage: 'pending',
  second_review: 'awaiting_second_review',
  escalations: 'escalated',
};

export const isWaitingIn = (queue: QueueDefinition, item: FlaggedItem) =>
  queueContains(queue, item) && item.status === waitingStatus[queue.kind];

export const holdsLease = (item: FlaggedItem, userId: string, now: Date) =>
  item.lease !== null &&
  item.lease.holderId === userId &&
  Date.parse(item.lease.expiresAt) > now.getTime();

/** One pass over the items: counts by status, waiting count, oldest waiting, and my live leases. */
export function summarizeQueues(
  queues: readonly QueueDefinition[],
  items: readonly FlaggedItem[],
  userId: string,
  now: Date,
): QueueSummary[] {
  const summaries = queues.map((q) => ({
    queue: q,
    counts: emptyCounts(),
    waiting: 0,
    oldest: null as string | null,
    heldByMe: 0,
  }));
  for (const item of items) {
    const mine = holdsLease(item, userId, now);
    for (const s of summaries) {
      if (!queueContains(s.queue, item)) continue;
      s.counts[item.status]++;
      if (mine) s.heldByMe++;
      if (item.status === waitingStatus[s.queue.kind]) {
        s.waiting++;
        if (s.oldest === null || item.flaggedAt < s.oldest) s.oldest = item.flaggedAt;
      }
    }
  }
  return summaries.map(({ queue, counts, waiting, oldest, heldByMe }) => ({
    id: queue.id,
    name: queue.name,
    description: queue.description,
    kind: queue.kind,
    slaSeconds: queue.slaSeconds,
    waiting,
    counts,
    oldestWaitingFlaggedAt: oldest,
    heldByMe,
  }));
}
