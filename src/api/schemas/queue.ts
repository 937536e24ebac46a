import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import type { ItemStatus } from './item';

export const QueueKind = z
  .enum(['triage', 'second_review', 'escalations'])
  .register(z.globalRegistry, {
    id: 'QueueKind',
    description:
      '`triage` queues hold the items routed to them; `second_review` and `escalations` are views of every item in that status.',
  });
export type QueueKind = z.infer<typeof QueueKind>;

const count = z.int().check(z.nonnegative());

export const StatusCounts = z
  .object({
    pending: count,
    awaiting_second_review: count,
    escalated: count,
    confirmed: count,
    dismissed: count,
  } satisfies Record<ItemStatus, typeof count>)
  .register(z.globalRegistry, { id: 'StatusCounts' });
export type StatusCounts = z.infer<typeof StatusCounts>;

export const QueueSummary = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    kind: QueueKind,
    slaSeconds: z
      .int()
      .check(z.positive())
      .register(z.globalRegistry, { description: 'Time allowed from flag to decision.' }),
    waiting: z.int().check(z.nonnegative()).register(z.globalRegistry, {
      description: 'Items awaiting action in this queue (its pending count).',
    }),
    counts: StatusCounts,
    oldestWaitingSince: z.nullable(Timestamp).register(z.globalRegistry, {
      description:
        'When the longest-waiting item started waiting here: when it was flagged (triage queues) or entered the status (second review, escalations). Null when nothing waits.',
    }),
    heldByMe: z.int().check(z.nonnegative()).register(z.globalRegistry, {
      description: 'Items of this queue on which the caller holds a live lease.',
    }),
  })
  .register(z.globalRegistry, { id: 'QueueSummary' });
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueueList = z
  .object({ queues: z.array(QueueSummary) })
  .register(z.globalRegistry, { id: 'QueueList' });
export type QueueList = z.infer<typeof QueueList>;
