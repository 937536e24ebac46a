import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { auditHashInput } from '../../api/audit-canonical';
import type { AuditEvent } from '../../api/schemas/audit';
import { insertRows } from '../db/bulk-load';
import type { Database } from '../db/tables';
import { readEvents } from './audit-read';
import { heldAuditHead, moveHeldAuditHead } from './held-head';

export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

/** SHA-256 of a text's UTF-8 bytes, in hex: the chain's hash. */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The events chained after a head at `seq` whose hash is `hash`: numbered and hashed in order. */
export function chainEvents(
  head: { seq: number; hash: string },
  events: readonly NewAuditEvent[],
): AuditEvent[] {
  let { seq, hash: prevHash } = head;
  return events.map((event): AuditEvent => {
    seq += 1;
    // Hashed as it is stored and read back: `timestamptz` gives the time in this one form.
    const unhashed = { ...event, at: new Date(event.at).toISOString(), seq, prevHash };
    const hash = sha256Hex(auditHashInput(unhashed));
    prevHash = hash;
    return { ...unhashed, hash };
  });
}

/**
 * Appends events to the hash-chained log in the caller's transaction. The chain's head row is
 * locked first, so appends from any number of transactions and server instances queue there: the
 * chain has no gaps (a rolled-back transaction appended nothing) and no forks. Several events
 * chain under one lock, so a change that writes many pays for the lock once; a transaction that
 * holds the head in memory (`held-head.ts`) chains from it and leaves the row to its commit.
 */
export async function appendAuditEvents(
  trx: Transaction<Database>,
  events: readonly NewAuditEvent[],
): Promise<AuditEvent[]> {
  if (events.length === 0) return [];
  const chained = chainEvents(await lockedHead(trx), events);
  await insertChained(trx, chained);
  return chained;
}

/**
 * Appends events chained beforehand (`chainEvents`) from a head read earlier: for a bulk load,
 * which chains its history while the database is busy with its previous statement. Under the
 * same lock as `appendAuditEvents`, and refused, appending nothing, unless the first event
 * follows the head as it is then.
 */
export async function appendChainedEvents(
  trx: Transaction<Database>,
  chained: readonly AuditEvent[],
): Promise<void> {
  const [first] = chained;
  if (first === undefined) return;
  const head = await lockedHead(trx);
  if (first.seq !== head.seq + 1 || first.prevHash !== head.hash)
    throw new Error(
      `Events chained after seq ${first.seq - 1} cannot follow the audit chain's head at seq ${head.seq}.`,
    );
  await insertChained(trx, chained);
}

/** The head to chain from: as the transaction holds it, else its row, locked to the commit. */
const lockedHead = async (trx: Transaction<Database>) =>
  heldAuditHead(trx) ??
  (await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .forUpdate()
    .executeTakeFirstOrThrow());

/** Stores chained events and moves the head (held or stored) to the last of them. */
async function insertChained(trx: Transaction<Database>, chained: readonly AuditEvent[]) {
  const last = chained.at(-1);
  if (last === undefined) return;
  await insertRows(trx, 'audit_events', chained, (e) => ({
    seq: e.seq,
    at: e.at,
    actor: JSON.stringify(e.actor),
    action: e.action,
    subject_type: e.subject.type,
    subject_id: e.subject.id,
    detail: JSON.stringify(e.detail),
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
  const moved = { seq: last.seq, hash: last.hash };
  if (heldAuditHead(trx)) moveHeldAuditHead(trx, moved);
  else await trx.updateTable('audit_head').set(moved).execute();
}

/** Events with seq in [fromSeq, fromSeq + count), in order. */
export async function auditRange(
  db: Kysely<Database>,
  fromSeq: number,
  count: number,
): Promise<AuditEvent[]> {
  return readEvents(
    db,
    db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', fromSeq)
      .where('seq', '<', fromSeq + count),
  );
}

/** The chain's head: its last event's seq and hash (0 and 64 zeros while it is empty). */
export function auditHead(db: Kysely<Database>) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
}
