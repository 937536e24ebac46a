import { z } from '../../lib/zod';
import { Id } from './common';
import { DecisionResult, Verdict } from './decision';
import { FlaggedItem, Provenance } from './item';

export const ClusterMember = z
  .object({
    item: z.pick(FlaggedItem, {
      id: true,
      version: true,
      queueId: true,
      status: true,
      lease: true,
    }),
    match: z.enum(['sha256', 'pdq']).register(z.globalRegistry, {
      description: '`sha256`: the same file; `pdq`: a perceptually similar image.',
    }),
    distance: z.int().check(z.gte(0), z.lte(256)).register(z.globalRegistry, {
      description: 'PDQ Hamming distance in bits (0 for a SHA-256 match).',
    }),
    provenance: z.extend(z.pick(Provenance, { supplier: true, dataset: true }), {
      batchId: z.nullable(z.string()),
      sourceUrls: Provenance.shape.origin.shape.sourceUrls,
    }),
  })
  .register(z.globalRegistry, { id: 'ClusterMember' });
export type ClusterMember = z.infer<typeof ClusterMember>;

export const Cluster = z
  .object({
    itemId: Id,
    maxPdqDistance: z.int().check(z.gte(0), z.lte(31)),
    members: z.array(ClusterMember).check(z.maxLength(500)).register(z.globalRegistry, {
      description: 'The other items, same SHA-256 first, then by PDQ distance.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'Cluster',
    description:
      'The item’s neighbourhood across suppliers and datasets: the items sharing its SHA-256, or whose PDQ lies within `maxPdqDistance` of its own (not a transitive chain).',
  });
export type Cluster = z.infer<typeof Cluster>;

export const ClusterDecisionRequest = z
  .object({
    verdict: Verdict,
    note: z.nullable(z.string().check(z.maxLength(4000))),
    items: z
      .array(z.object({ itemId: Id, itemVersion: z.int().check(z.positive()) }))
      .check(z.minLength(1), z.maxLength(500))
      .register(z.globalRegistry, { description: 'Each item with the version the reviewer saw.' }),
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)),
  })
  .register(z.globalRegistry, { id: 'ClusterDecisionRequest' });
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
  .register(z.globalRegistry, { id: 'ClusterDecisionOutcome' });
export type ClusterDecisionOutcome = z.infer<typeof ClusterDecisionOutcome>;

export const ClusterDecisionResult = z
  .object({ outcomes: z.array(ClusterDecisionOutcome) })
  .register(z.globalRegistry, { id: 'ClusterDecisionResult' });
export type ClusterDecisionResult = z.infer<typeof ClusterDecisionResult>;
