import { z } from '../../lib/zod';
import { Id, Timestamp, hexDigest } from './common';
import { Actor } from './user';

export const AuditAction = z
  .enum([
    'session.started',
    'session.ended',
    'item.flagged',
    'item.claimed',
    'item.released',
    'item.viewed',
    'item.decided',
    'item.decision_undone',
    'item.decision_replayed',
    'item.second_review_barred',
    'item.decision_corrected',
    'item.reassigned',
    'item.claim_refused',
    'item.decision_refused',
    'media.revealed',
    'media.served',
    'media.reblurred',
    'media.reveal_refused',
    'url.copied',
    'report.created',
    'report.updated',
    'report.submitted',
    'report.approved',
    'report.approval_refused',
    'report.rejected',
    'report.reopened',
    'report.filing_started',
    'report.filing_step',
    'report.filing_failed',
    'report.retracted',
    'report.filed',
    'audit.exported',
  ])
  .register(z.globalRegistry, {
    id: 'AuditAction',
    description:
      'What happened. `*_refused`: a claim, decision, reveal or approval answered 403 or 409, with `status`, `refusal` (the error code) and `message` in the detail — never the verdict tried. `url.copied`: a third-party URL copied, in its defanged form, with the form copied (`defanged` or `live`).',
  });
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditDetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AuditEvent = z
  .object({
    seq: z.int().check(z.positive()),
    at: Timestamp,
    actor: Actor,
    action: AuditAction,
    subject: z.object({ type: z.enum(['session', 'item', 'report', 'audit']), id: Id }),
    detail: z.record(z.string(), AuditDetailValue),
    prevHash: hexDigest(64).register(z.globalRegistry, {
      description: 'The previous event’s `hash`; 64 zeros for seq 1.',
    }),
    hash: hexDigest(64).register(z.globalRegistry, {
      description:
        'Lower-case hex SHA-256 of the UTF-8 canonical JSON of this event without `hash`: object keys sorted by UTF-16 code unit (JavaScript’s default sort) at every level, no whitespace, strings and numbers as JSON.stringify writes them.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'AuditEvent',
    description: 'One link of the append-only, hash-chained audit log.',
  });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditHead = z
  .object({
    seq: z
      .int()
      .check(z.nonnegative())
      .register(z.globalRegistry, { description: 'The last event’s seq; 0 when empty.' }),
    hash: hexDigest(64).register(z.globalRegistry, {
      description: 'The last event’s hash; 64 zeros when empty.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'AuditHead',
    description:
      'The chain’s head. An auditor who records it can later check that the log still extends it.',
  });
export type AuditHead = z.infer<typeof AuditHead>;

/** The most events one page of the audit log holds: what a verifier reads at a time. */
export const AUDIT_PAGE_LIMIT = 5000;

export const AuditQuery = z
  .object({
    offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0).register(z.globalRegistry, {
      description: 'Position of the first event wanted in the filtered log: any page, directly.',
    }),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(AUDIT_PAGE_LIMIT)), 100),
    actorId: z.optional(Id),
    role: z.optional(Actor.shape.role),
    action: z.optional(AuditAction),
    subjectId: z.optional(Id),
    from: z
      .optional(Timestamp)
      .register(z.globalRegistry, { description: 'Events at or after this instant.' }),
    to: z
      .optional(Timestamp)
      .register(z.globalRegistry, { description: 'Events before this instant.' }),
  })
  .register(z.globalRegistry, { id: 'AuditQuery' });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditFilterQuery = z
  .omit(AuditQuery, { offset: true, limit: true })
  .register(z.globalRegistry, {
    id: 'AuditFilterQuery',
  });
export type AuditFilterQuery = z.infer<typeof AuditFilterQuery>;

export const AuditPage = z
  .object({
    events: z.array(AuditEvent).register(z.globalRegistry, { description: 'In `seq` order.' }),
    total: z
      .int()
      .check(z.nonnegative())
      .register(z.globalRegistry, { description: 'Events matching the filters.' }),
    offset: z.int().check(z.nonnegative()),
    seqRange: z
      .nullable(z.object({ first: z.int().check(z.positive()), last: z.int().check(z.positive()) }))
      .register(z.globalRegistry, {
        description:
          'The contiguous range of `seq` that covers every matching event: what “Verify” checks for this filter.',
      }),
    head: AuditHead,
    secondReviewsBarred: z.array(Id).register(z.globalRegistry, {
      description:
        'Items whose blind second review the caller may no longer make, because this page shows them their first verdict (`item.second_review_barred` is audited for each). The log is never redacted; reading it is what bars.',
    }),
  })
  .register(z.globalRegistry, { id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
