import { z } from 'zod';
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
    'item.decision_corrected',
    'item.reassigned',
    'media.revealed',
    'media.reblurred',
    'report.created',
    'report.updated',
    'report.approved',
    'report.filed',
    'audit.exported',
  ])
  .meta({ id: 'AuditAction' });
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditDetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AuditEvent = z
  .object({
    seq: z.number().int().positive(),
    at: Timestamp,
    actor: Actor,
    action: AuditAction,
    subject: z.object({ type: z.enum(['session', 'item', 'report', 'audit']), id: Id }),
    detail: z.record(z.string(), AuditDetailValue),
    prevHash: hexDigest(64).meta({
      description: 'The previous event’s `hash`; 64 zeros for seq 1.',
    }),
    hash: hexDigest(64).meta({
      description:
        'Lower-case hex SHA-256 of the UTF-8 canonical JSON of this event without `hash`: object keys sorted by UTF-16 code unit (JavaScript’s default sort) at every level, no whitespace, strings and numbers as JSON.stringify writes them.',
    }),
  })
  .meta({ id: 'AuditEvent', description: 'One link of the append-only, hash-chained audit log.' });
export type AuditEvent = z.infer<typeof AuditEvent>;
