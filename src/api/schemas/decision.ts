import { z } from '../../lib/zod';
import { Id, Timestamp, saying } from './common';
import { FlaggedItem } from './item';
import { Actor } from './user';

export const IndustryClassification = z
  .enum(['A1', 'A2', 'B1', 'B2'])
  .register(z.globalRegistry, { id: 'IndustryClassification' });
export type IndustryClassification = z.infer<typeof IndustryClassification>;

export const FileAnnotation = z
  .enum([
    'animeDrawingVirtualHentai',
    'potentialMeme',
    'viral',
    'possibleSelfProduction',
    'physicalHarm',
    'violenceGore',
    'bestiality',
    'liveStreaming',
    'infant',
    'generativeAi',
  ])
  .register(z.globalRegistry, {
    id: 'FileAnnotation',
    description: 'A CyberTipline `fileAnnotations` tag, named as NCMEC names it.',
  });
export type FileAnnotation = z.infer<typeof FileAnnotation>;

export const DismissReason = z
  .enum([
    'adult_content',
    'non_sexual',
    'non_photographic',
    'hash_collision',
    'text_false_match',
    'other',
    'duplicate',
    'unusable_media',
  ])
  .register(z.globalRegistry, {
    id: 'DismissReason',
    description:
      '`duplicate` and `unusable_media` are not false positives and do not count against a rule’s precision. `other` needs a note.',
  });
export type DismissReason = z.infer<typeof DismissReason>;

export const Verdict = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('confirm'),
      classification: z.nullable(IndustryClassification).register(z.globalRegistry, {
        description: 'When the reviewer knows it; a hash-only confirmation may not.',
      }),
      annotations: z
        .array(FileAnnotation)
        .check(
          z.maxLength(FileAnnotation.options.length),
          z.refine((tags) => new Set(tags).size === tags.length, 'each annotation at most once'),
        )
        .register(z.globalRegistry, {
          description: 'Optional file annotations for the report; empty when none.',
        }),
    }),
    z.object({ kind: z.literal('dismiss'), reason: DismissReason }),
    z.object({
      kind: z.literal('escalate'),
      reason: saying(2000, 1, 'say why'),
    }),
  ])
  .register(z.globalRegistry, { id: 'Verdict' });
export type Verdict = z.infer<typeof Verdict>;

export const Decision = z
  .object({
    id: Id,
    itemId: Id,
    itemVersion: z
      .int()
      .check(z.positive())
      .register(z.globalRegistry, { description: 'The item version decided on.' }),
    stage: z.enum(['first', 'second', 'supervisor']),
    verdict: Verdict,
    supersedes: z.nullable(Id).register(z.globalRegistry, {
      description:
        'For a supervisor’s correction: the decision it replaces, which stays in the history.',
    }),
    note: z.nullable(z.string().check(z.maxLength(4000))),
    actor: Actor,
    at: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Decision' });
export type Decision = z.infer<typeof Decision>;

export const ItemDetail = z
  .object({
    item: FlaggedItem,
    decisions: z.array(Decision),
    blindSecondReview: z.boolean().register(z.globalRegistry, {
      description:
        'True when the item awaits a second review the caller may make: the verdict under review is left out of `decisions` until then.',
    }),
    secondReviewBarred: z.boolean().register(z.globalRegistry, {
      description:
        'True when the caller read the first verdict (in the audit log) while the item awaited its blind second review: that review must be someone else’s.',
    }),
    readingTimelineBars: z.boolean().register(z.globalRegistry, {
      description:
        'True when reading the item’s audit trail would take the caller off a second review they may still make: the one it awaits, or, for an item waiting again after a decision was taken back, its next one.',
    }),
  })
  .register(z.globalRegistry, { id: 'ItemDetail' });
export type ItemDetail = z.infer<typeof ItemDetail>;

export const DecisionRequest = z
  .object({
    verdict: Verdict,
    note: z.nullable(z.string().check(z.maxLength(4000))),
    itemVersion: z.int().check(z.positive()).register(z.globalRegistry, {
      description: 'The version the decision was made on; another version is a 409.',
    }),
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)).register(z.globalRegistry, {
      description:
        'Sending the same decision again with this key records it once. Keys belong to their user: another user’s identical key is a different decision.',
    }),
    madeBy: Id.clone().register(z.globalRegistry, {
      description:
        'The user who made the decision. It must be the signed-in user: a decision kept in a browser is never recorded under whoever signed in there next (403 `maker_mismatch`).',
    }),
    madeAt: z.optional(Timestamp).register(z.globalRegistry, {
      description:
        'When the reviewer decided, by their clock: a decision sent late from the outbox (offline, failing backend) says so on the record.',
    }),
  })
  .register(z.globalRegistry, { id: 'DecisionRequest' });
export type DecisionRequest = z.infer<typeof DecisionRequest>;
/** A decision as the reviewer makes it, before the outbox stamps it with its maker. */
export type DecisionDraft = Omit<DecisionRequest, 'madeBy'>;

export const DecisionResult = z
  .object({ item: FlaggedItem, decision: Decision })
  .register(z.globalRegistry, { id: 'DecisionResult' });
export type DecisionResult = z.infer<typeof DecisionResult>;

export const UndoRequest = z
  .object({
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)).register(z.globalRegistry, {
      description: 'The key the decision was sent with: the client always knows it.',
    }),
  })
  .register(z.globalRegistry, { id: 'UndoRequest' });
export type UndoRequest = z.infer<typeof UndoRequest>;

export const UndoResult = z
  .object({
    item: FlaggedItem,
    undone: Id.clone().register(z.globalRegistry, { description: 'The decision taken back.' }),
  })
  .register(z.globalRegistry, { id: 'UndoResult' });
export type UndoResult = z.infer<typeof UndoResult>;

export const CorrectionRequest = z
  .object({
    supersedes: Id.clone().register(z.globalRegistry, {
      description: 'The decision being corrected.',
    }),
    verdict: Verdict.check(
      z.refine((v) => v.kind !== 'escalate', 'a correction confirms or dismisses'),
    ),
    rationale: saying(4000, 1, 'say why'),
    itemVersion: z.int().check(z.positive()),
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)),
  })
  .register(z.globalRegistry, { id: 'CorrectionRequest' });
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

export const HolderChange = z
  .object({
    holderId: z.nullable(Id).register(z.globalRegistry, {
      description: 'The reviewer to hold the item now, or null to release it.',
    }),
  })
  .register(z.globalRegistry, { id: 'HolderChange' });
export type HolderChange = z.infer<typeof HolderChange>;

export const NextItem = z
  .object({
    item: z.nullable(FlaggedItem).register(z.globalRegistry, {
      description: 'The item now held by the caller, or null when nothing is left to review.',
    }),
  })
  .register(z.globalRegistry, { id: 'NextItem' });
export type NextItem = z.infer<typeof NextItem>;

export const ClaimResult = z
  .object({ item: FlaggedItem })
  .register(z.globalRegistry, { id: 'ClaimResult' });
export type ClaimResult = z.infer<typeof ClaimResult>;

export const RevealGrant = z
  .object({
    revealId: Id,
    url: z
      .string()
      .check(z.regex(/^\/api\/media\/reveal\/[\w-]+$/, 'must be the console API’s own reveal path'))
      .register(z.globalRegistry, {
        description: 'Same-origin, single-use URL of the unblurred media.',
      }),
    expiresAt: Timestamp.clone().register(z.globalRegistry, {
      description: 'The URL works once, until this instant.',
    }),
  })
  .register(z.globalRegistry, { id: 'RevealGrant' });
export type RevealGrant = z.infer<typeof RevealGrant>;

export const RevealEnd = z
  .object({
    reason: z
      .enum(['timeout', 'manual', 'item_change', 'window_blur', 'hidden', 'idle_lock'])
      .register(z.globalRegistry, {
        description:
          '`timeout`: the analyst’s re-blur time passed; `idle_lock`: previews were locked after the analyst’s idle time.',
      }),
  })
  .register(z.globalRegistry, { id: 'RevealEnd', description: 'Why the media was blurred again.' });
export type RevealEnd = z.infer<typeof RevealEnd>;

export const RevealEnded = z
  .object({ revealId: Id, durationMs: z.int().check(z.nonnegative()) })
  .register(z.globalRegistry, { id: 'RevealEnded' });

export const ViewRecorded = z
  .object({ itemId: Id, at: Timestamp })
  .register(z.globalRegistry, { id: 'ViewRecorded' });
