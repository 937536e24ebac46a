import { z } from '../../lib/zod';
import { Id } from './common';
import { DecisionResult, Verdict } from './decision';
import { FlaggedItem, Provenance } from './item';

export const ClusterMember = z
  .object({
    item: FlaggedItem.pick({ id: true, version: true, queueId: true, status: true, lease: true }),
    match: z.enum(['sha256', 'pdq']).meta({
      description: '`sha256`: the same file; `pdq`: a perceptually similar image.',
    }),
    distance: z
      .number()
      .int()
      .min(0)
      .max(256)
      .meta({ description: 'PDQ Hamming distance in bits (0 for a SHA-256 match).' }),
    provenance: Provenance.pick({ supplier: true, dataset: true }).extend({
      batchId: z.string().nullable(),
      sourceUrls: Provenance.shape.origin.shape.sourceUrls,
    }),
  })
  .meta({ id: 'ClusterMember' });
export type ClusterMember = z.infer<typeof ClusterMember>;

export const Cluster = z
  .object({
    itemId: Id,
    maxPdqDistance: z.number().int().min(0).max(31),
    members: z
      .array(ClusterMember)
      .max(500)
      .meta({ description: 'The other items, same SHA-256 first, then by PDQ distance.' }),
  })
  .meta({
    id: 'Cluster',
    description:
      'The item’s neighbourhood across suppliers and datasets: the items sharing its SHA-256, or whose PDQ lies within `maxPdqDistance` of its own (not a transitive chain).',
  });
export type Cluster = z.infer<typeof Cluster>;

export const ClusterDecisionRequest = z
  .object({
    verdict: Verdict,
    note: z.string().trim().max(4000).nullable(),
    items: z
      .array(z.object({ itemId: Id, itemVersion: z.number().int().positive() }))
      .min(1)
      .max(500)
      .meta({ description: 'Each item with the version the reviewer saw.' }),
    idempotencyKey: z.string().min(8).max(100),
  })
  .meta({ id: 'ClusterDecisionRequest' });
export type ClusterDecisionRequest = z.infer<typeof ClusterDecisionRequest>;

export const ClusterDecisionOutcome = z
  .discriminatedUnion('outcome', [
    z.object({ itemId: Id, outcome: z.literal('decided'), result: DecisionResult }),
    z.object({
      itemId: Id,
      outcome: z.literal('skipped'),
      code: z.string(),
      message: z.string(),
    }),
  ])
  .meta({ id: 'ClusterDecisionOutcome' });
export type ClusterDecisionOutcome = z.infer<typeof ClusterDecisionOutcome>;

export const ClusterDecisionResult = z
  .object({ outcomes: z.array(ClusterDecisionOutcome) })
  .meta({ id: 'ClusterDecisionResult' });
export type ClusterDecisionResult = z.infer<typeof ClusterDecisionResult>;
