import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import { DismissReason } from './decision';
import { HashList } from './item';
import { Actor } from './user';

const count = z.int().check(z.nonnegative());
const share = z.number().check(z.gte(0), z.lte(1));
const Interval = z
  .object({ low: share, high: share })
  .register(z.globalRegistry, { id: 'Interval', description: 'A 95% Wilson score interval.' });

export const InsightsQuery = z
  .object({
    from: z.optional(Timestamp).register(z.globalRegistry, {
      description: 'Start of the range (inclusive); default 7 days before `to`.',
    }),
    to: z
      .optional(Timestamp)
      .register(z.globalRegistry, { description: 'End of the range (exclusive); default now.' }),
  })
  .check(
    z.refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
      message: '`from` must be before `to`',
      path: ['from'],
    }),
    z.refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
      message: 'at most 366 days',
      path: ['from'],
    }),
  )
  .register(z.globalRegistry, { id: 'InsightsQuery' });
export type InsightsQuery = z.infer<typeof InsightsQuery>;

/** What a rule's flags became, for a rule or one of its versions. */
const RuleCounts = {
  flagged: count,
  confirmed: count,
  dismissed: z.array(z.object({ reason: DismissReason, count })),
  falsePositives: count.clone().register(z.globalRegistry, {
    description: 'Dismissals for a false-positive reason (not `duplicate` or `unusable_media`).',
  }),
  pending: count.clone().register(z.globalRegistry, {
    description: 'Not decided yet (pending, in second review, escalated).',
  }),
  precision: z.nullable(share).register(z.globalRegistry, {
    description: 'confirmed / (confirmed + falsePositives); null when neither.',
  }),
  interval: z.nullable(Interval),
  enoughVolume: z.boolean().register(z.globalRegistry, {
    description: 'At least `minVolume` decided flags (confirmed plus false positives).',
  }),
};

export const RuleVersionPrecision = z
  .object({ ruleVersion: z.string(), ...RuleCounts })
  .register(z.globalRegistry, {
    id: 'RuleVersionPrecision',
    description: 'One version of a rule: its own flags.',
  });
export type RuleVersionPrecision = z.infer<typeof RuleVersionPrecision>;

export const RulePrecision = z
  .object({
    ruleId: Id,
    ruleName: z.string(),
    kind: z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic']),
    ...RuleCounts,
    versions: z.array(RuleVersionPrecision).register(z.globalRegistry, {
      description:
        'Each version that flagged items in the range, newest first. An item flagged by two versions counts in each, and once for the rule.',
    }),
  })
  .register(z.globalRegistry, {
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
  .register(z.globalRegistry, {
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
    fields: z
      .array(z.object({ id: z.string(), label: z.string(), share }))
      .register(z.globalRegistry, {
        description:
          'Share of the supplier’s items whose provenance holds each actionability field.',
      }),
    notAvailable: z.array(z.object({ field: z.string(), reason: z.string(), reports: count })),
    reportsFiled: count,
  })
  .register(z.globalRegistry, { id: 'SupplierScore' });
export type SupplierScore = z.infer<typeof SupplierScore>;

const Agreement = z.object({
  compared: count.clone().register(z.globalRegistry, {
    description: 'Items with a first and a second verdict (confirm or dismiss).',
  }),
  rate: z.nullable(share),
  kappa: z
    .nullable(z.number().check(z.gte(-1), z.lte(1)))
    .register(z.globalRegistry, { description: 'Cohen’s kappa.' }),
});

export const ReviewAgreement = z
  .object({
    overall: Agreement,
    pairs: z
      .array(z.extend(Agreement, { first: Actor, second: Actor }))
      .register(z.globalRegistry, {
        description: 'First and second reviewer pairs with at least `minOverlap` items.',
      }),
    minOverlap: count,
    disagreements: z.object({
      confirmed: count,
      dismissed: count,
      waiting: count
        .clone()
        .register(z.globalRegistry, { description: 'Still with the supervisors.' }),
    }),
  })
  .register(z.globalRegistry, { id: 'ReviewAgreement' });
export type ReviewAgreement = z.infer<typeof ReviewAgreement>;

export const Flow = z
  .object({
    itemsIn: count,
    decided: count,
    medianSecondsToDecision: z.nullable(z.number().check(z.nonnegative())),
    days: z.array(z.object({ day: z.iso.date(), itemsIn: count, decided: count })),
    pendingByAge: z
      .array(z.object({ band: z.enum(['within_half', 'within_sla', 'over_sla']), count }))
      .register(z.globalRegistry, {
        description: 'Waiting now: under half their SLA, within it, past it.',
      }),
  })
  .register(z.globalRegistry, { id: 'Flow' });
export type Flow = z.infer<typeof Flow>;

export const Exposure = z
  .object({
    reviewers: z.array(
      z.object({
        actor: Actor,
        reveals: count,
        revealedSeconds: z.number().check(z.nonnegative()),
        decisions: count,
        decisionsWithoutReveal: count,
        days: z.array(
          z.object({
            day: z.iso.date(),
            reveals: count,
            revealedSeconds: z.number().check(z.nonnegative()),
          }),
        ),
      }),
    ),
    decisions: count,
    decisionsWithoutReveal: count,
  })
  .register(z.globalRegistry, {
    id: 'Exposure',
    description:
      'Reveals and revealed seconds per reviewer; the goal is that most decisions need none.',
  });
export type Exposure = z.infer<typeof Exposure>;

export const Insights = z
  .object({
    from: Timestamp,
    to: Timestamp,
    minVolume: count.clone().register(z.globalRegistry, {
      description: 'Decided flags (confirmed plus false positives) a rule needs to be ranked.',
    }),
    rules: z.array(RulePrecision).register(z.globalRegistry, {
      description:
        'Ranked first, the rules with at least `minVolume` decided flags, the most false positives first (decided flags × (1 − precision): the reviews a retune would save), then the least precise; then the rest, the most flagged first.',
    }),
    hashes: z
      .array(HashDismissals)
      .register(z.globalRegistry, { description: 'The listed hashes most often dismissed.' }),
    suppliers: z.array(SupplierScore),
    agreement: ReviewAgreement,
    flow: Flow,
    exposure: Exposure,
  })
  .register(z.globalRegistry, { id: 'Insights' });
export type Insights = z.infer<typeof Insights>;
