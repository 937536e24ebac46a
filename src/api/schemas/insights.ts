import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import { DismissReason } from './decision';
import { HashList } from './item';
import { Actor } from './user';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const Interval = z
  .object({ low: share, high: share })
  .meta({ id: 'Interval', description: 'A 95% Wilson score interval.' });

export const InsightsQuery = z
  .object({
    from: Timestamp.optional().meta({
      description: 'Start of the range (inclusive); default 7 days before `to`.',
    }),
    to: Timestamp.optional().meta({ description: 'End of the range (exclusive); default now.' }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to`',
    path: ['from'],
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'at most 366 days',
    path: ['from'],
  })
  .meta({ id: 'InsightsQuery' });
export type InsightsQuery = z.infer<typeof InsightsQuery>;

/** What a rule's flags became, for a rule or one of its versions. */
const RuleCounts = {
  flagged: count,
  confirmed: count,
  dismissed: z.array(z.object({ reason: DismissReason, count })),
  falsePositives: count.meta({
    description: 'Dismissals for a false-positive reason (not `duplicate` or `unusable_media`).',
  }),
  pending: count.meta({ description: 'Not decided yet (pending, in second review, escalated).' }),
  precision: share.nullable().meta({
    description: 'confirmed / (confirmed + falsePositives); null when neither.',
  }),
  interval: Interval.nullable(),
  enoughVolume: z.boolean().meta({
    description: 'At least `minVolume` decided flags (confirmed plus false positives).',
  }),
};

export const RuleVersionPrecision = z
  .object({ ruleVersion: z.string(), ...RuleCounts })
  .meta({ id: 'RuleVersionPrecision', description: 'One version of a rule: its own flags.' });
export type RuleVersionPrecision = z.infer<typeof RuleVersionPrecision>;

export const RulePrecision = z
  .object({
    ruleId: Id,
    ruleName: z.string(),
    kind: z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic']),
    ...RuleCounts,
    versions: z.array(RuleVersionPrecision).meta({
      description:
        'Each version that flagged items in the range, newest first. An item flagged by two versions counts in each, and once for the rule.',
    }),
  })
  .meta({
    id: 'RulePrecision',
    description: 'A detector rule over all its versions: each flagged item counted once.',
  });
export type RulePrecision = z.infer<typeof RulePrecision>;

export const HashDismissals = z
  .object({
    hashList: HashList,
    algorithm: z.enum(['PDQ', 'MD5', 'SHA256', 'PhotoDNA']),
    hash: z.string(),
    ruleId: Id,
    falsePositives: count,
    confirmed: count,
  })
  .meta({
    id: 'HashDismissals',
    description: 'A listed hash and how often its matches were false.',
  });
export type HashDismissals = z.infer<typeof HashDismissals>;

export const SupplierScore = z
  .object({
    supplierId: Id,
    name: z.string(),
    items: count,
    confirmed: count,
    fields: z.array(z.object({ id: z.string(), label: z.string(), share })).meta({
      description: 'Share of the supplier’s items whose provenance holds each actionability field.',
    }),
    notAvailable: z.array(z.object({ field: z.string(), reason: z.string(), reports: count })),
    reportsFiled: count,
  })
  .meta({ id: 'SupplierScore' });
export type SupplierScore = z.infer<typeof SupplierScore>;

const Agreement = z.object({
  compared: count.meta({
    description: 'Items with a first and a second verdict (confirm or dismiss).',
  }),
  rate: share.nullable(),
  kappa: z.number().min(-1).max(1).nullable().meta({ description: 'Cohen’s kappa.' }),
});

export const ReviewAgreement = z
  .object({
    overall: Agreement,
    pairs: z
      .array(Agreement.extend({ first: Actor, second: Actor }))
      .meta({ description: 'First and second reviewer pairs with at least `minOverlap` items.' }),
    minOverlap: count,
    disagreements: z.object({
      confirmed: count,
      dismissed: count,
      waiting: count.meta({ description: 'Still with the supervisors.' }),
    }),
  })
  .meta({ id: 'ReviewAgreement' });
export type ReviewAgreement = z.infer<typeof ReviewAgreement>;

export const Flow = z
  .object({
    itemsIn: count,
    decided: count,
    medianSecondsToDecision: z.number().nonnegative().nullable(),
    days: z.array(z.object({ day: z.iso.date(), itemsIn: count, decided: count })),
    pendingByAge: z
      .array(z.object({ band: z.enum(['within_half', 'within_sla', 'over_sla']), count }))
      .meta({ description: 'Waiting now: under half their SLA, within it, past it.' }),
  })
  .meta({ id: 'Flow' });
export type Flow = z.infer<typeof Flow>;

export const Exposure = z
  .object({
    reviewers: z.array(
      z.object({
        actor: Actor,
        reveals: count,
        revealedSeconds: z.number().nonnegative(),
        decisions: count,
        decisionsWithoutReveal: count,
        days: z.array(
          z.object({
            day: z.iso.date(),
            reveals: count,
            revealedSeconds: z.number().nonnegative(),
          }),
        ),
      }),
    ),
    decisions: count,
    decisionsWithoutReveal: count,
  })
  .meta({
    id: 'Exposure',
    description:
      'Reveals and revealed seconds per reviewer; the goal is that most decisions need none.',
  });
export type Exposure = z.infer<typeof Exposure>;

export const Insights = z
  .object({
    from: Timestamp,
    to: Timestamp,
    minVolume: count.meta({
      description: 'Decided flags (confirmed plus false positives) a rule needs to be ranked.',
    }),
    rules: z.array(RulePrecision).meta({
      description:
        'Ranked first, the rules with at least `minVolume` decided flags, the most false positives first (decided flags × (1 − precision): the reviews a retune would save), then the least precise; then the rest, the most flagged first.',
    }),
    hashes: z
      .array(HashDismissals)
      .meta({ description: 'The listed hashes most often dismissed.' }),
    suppliers: z.array(SupplierScore),
    agreement: ReviewAgreement,
    flow: Flow,
    exposure: Exposure,
  })
  .meta({ id: 'Insights' });
export type Insights = z.infer<typeof Insights>;
