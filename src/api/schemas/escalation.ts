import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import { Decision } from './decision';
import { ItemStatus } from './item';

export const MyEscalation = z
  .object({
    itemId: Id,
    escalatedAt: Timestamp,
    kind: z.enum(['escalated', 'disagreement']).meta({
      description:
        '`escalated`: the caller escalated the item; `disagreement`: the caller’s second review disagreed with the first.',
    }),
    reason: z
      .string()
      .nullable()
      .meta({ description: 'The escalation reason the caller gave; null for a disagreement.' }),
    status: ItemStatus,
    resolution: Decision.nullable().meta({
      description: 'The supervisor’s final decision once made, with its rationale.',
    }),
  })
  .meta({ id: 'MyEscalation' });
export type MyEscalation = z.infer<typeof MyEscalation>;

export const MyEscalations = z
  .object({ escalations: z.array(MyEscalation).max(50) })
  .meta({ id: 'MyEscalations' });
export type MyEscalations = z.infer<typeof MyEscalations>;
