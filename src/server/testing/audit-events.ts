import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../api/schemas/audit';
import { auditHead, auditRange } from '../audit/audit-chain';
import type { Database } from '../db/tables';

/** The whole chain, oldest first (tests: a few thousand events at most). */
export async function allEvents(db: Kysely<Database>): Promise<AuditEvent[]> {
  const head = await auditHead(db);
  return auditRange(db, 1, head.seq);
}

/** The events appended after the chain held `size` of them. */
export async function appendedSince(db: Kysely<Database>, size: number): Promise<AuditEvent[]> {
  const head = await auditHead(db);
  return auditRange(db, size + 1, head.seq - size);
}

/** The chain's events of one action, oldest first. */
export async function eventsOf(db: Kysely<Database>, action: string): Promise<AuditEvent[]> {
  return (await allEvents(db)).filter((e) => e.action === action);
}
