import type { FlaggedItem } from '../../api/schemas/item';
import type { QueueSummary, StatusCounts } from '../../api/schemas/queue';
import type { MockState } from './backend';
import type { User } from '../../api/schemas/user';
import { waitingStatus } from '../../domain/review-rules';
import { reviewRefusalFor } from './decisions';
import type { QueueDefinition } from '../../server/directory/directory';

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

export const isWaitingIn = (queue: QueueDefinition, item: FlaggedItem) =>
  queueContains(queue, item) && item.status === waitingStatus[queue.kind];

export const holdsLease = (item: FlaggedItem, userId: string, now: Date) =>
  item.lease !== null &&
  item.lease.holderId === userId &&
  Date.parse(item.lease.expiresAt) > now.getTime();

/** When an item entered its current status: its last decision, else its flagging. */
const statusSince = (decisions: MockState['decisions'], item: FlaggedItem) =>
  decisions.get(item.id)?.at(-1)?.at ?? item.flaggedAt;

/** One pass over the items: counts by status, waiting count, longest wait, and my live leases. */
export function summarizeQueues(
  { queues, items, decisions }: Pick<MockState, 'queues' | 'items' | 'decisions'>,
  userId: string,
  now: Date,
): QueueSummary[] {
  interface Tally {
    queue: QueueDefinition;
    counts: StatusCounts;
    waiting: number;
    oldest: string | null;
    heldByMe: number;
  }
  const summaries = queues.map((queue): Tally => ({
    queue,
    counts: emptyCounts(),
    waiting: 0,
    oldest: null,
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
        const since = s.queue.kind === 'triage' ? item.flaggedAt : statusSince(decisions, item);
        if (s.oldest === null || since < s.oldest) s.oldest = since;
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
    oldestWaitingSince: oldest,
    heldByMe,
  }));
}

/**
 * "Start reviewing": of the items waiting in the queue that no one holds and the user may review,
 * the highest priority, then the earliest SLA due (then the id).
 */
export function nextReviewable(
  state: MockState,
  queue: QueueDefinition,
  user: User,
  now: Date,
): FlaggedItem | null {
  let best: FlaggedItem | null = null;
  for (const item of state.items) {
    if (!isWaitingIn(queue, item)) continue;
    // Held by anyone — the caller too: their next item is another one.
    if (item.lease && Date.parse(item.lease.expiresAt) > now.getTime()) continue;
    if (reviewRefusalFor(state, item, user)) continue;
    if (
      !best ||
      item.priority < best.priority ||
      (item.priority === best.priority &&
        (item.slaDueAt < best.slaDueAt || (item.slaDueAt === best.slaDueAt && item.id < best.id)))
    )
      best = item;
  }
  return best;
}
