import type { Transaction } from 'kysely';
import type { Database } from '../db/tables';

/** The chain's head: its last event's seq and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

interface Held {
  /** Where the chain's head is for this transaction, after the events it appended. */
  head: AuditHead;
  /** What the head's row says. */
  stored: AuditHead;
}

const heldBy = new WeakMap<Transaction<Database>, Held>();

/**
 * Locks the chain's head for the transaction, to its commit, and keeps it in memory: the events
 * the transaction appends then chain from it without reading or writing the head's row each time,
 * and `writeHeldAuditHead` writes it once before the commit. Group commit holds the head so for
 * the whole batch: one lock, one read and one write, however many changes the batch audits.
 */
export async function holdAuditHead(trx: Transaction<Database>) {
  const stored = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .forUpdate()
    .executeTakeFirstOrThrow();
  heldBy.set(trx, { head: stored, stored });
}

/** The head as this transaction moved it, when it holds the head in memory; else undefined. */
export const heldAuditHead = (trx: Transaction<Database>): AuditHead | undefined =>
  heldBy.get(trx)?.head;

/**
 * Moves the held head: after an append, or back to where it was when the work that appended
 * rolled back to its savepoint.
 */
export function moveHeldAuditHead(trx: Transaction<Database>, head: AuditHead) {
  const held = heldBy.get(trx);
  if (!held) throw new Error('The transaction does not hold the audit chain’s head.');
  held.head = head;
}

/** Writes the held head to its row, when appends moved it: before the transaction commits. */
export async function writeHeldAuditHead(trx: Transaction<Database>) {
  const held = heldBy.get(trx);
  if (!held || held.head.seq === held.stored.seq) return;
  await trx.updateTable('audit_head').set(held.head).execute();
  held.stored = held.head;
}
