import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import { Decision } from './decision';
import { ItemStatus } from './item';

export const MyEscalation = z
  .object({
    itemId: Id,
    escalatedAt: Timestamp,
    kind: z.enum(['escalated', 'disagreement']).register(z.globalRegistry, {
      description:
        '`escalated`: the caller escalated the item; `disagreement`: the caller’s second review disagreed with the first.',
    }),
    reason: z.nullable(z.string()).register(z.globalRegistry, {
      description: 'The escalation reason the caller gave; null for a disagreement.',
    }),
    status: ItemStatus,
    resolution: z.nullable(Decision).register(z.globalRegistry, {
      description: 'The supervisor’s final decision once made, with its rationale.',
    }),
  })
  .register(z.globalRegistry, { id: 'MyEscalation' });
export type MyEscalation = z.infer<typeof MyEscalation>;

export const MyEscalations = z
  .object({ escalations: z.array(MyEscalation).check(z.maxLength(50)) })
  .register(z.globalRegistry, { id: 'MyEscalations' });
export type MyEscalations = z.infer<typeof MyEscalations>;
