import type { Kysely, Transaction } from 'kysely';
import type { AuditEvent } from '../../api/schemas/audit';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { DISMISSAL_SECOND_REVIEW_SHARE, isBlindTo } from '../../domain/review-rules';
import { sha256Hex } from '../../lib/sha256-hex';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { clusterMemberIds } from './cluster-members';

/**
 * The blind second review across every view (docs/decisions/0008-blind-second-review.md). The
 * audit log is never redacted; instead whoever reads an item's first verdict there while the item
 * awaits its blind second review may no longer make that review.
 */

type Db = Kysely<Database> | Transaction<Database>;
type ItemState = Pick<FlaggedItem, 'id' | 'status'>;

/** Audit actions whose detail carries a verdict. */
export const VERDICT_ACTIONS: ReadonlySet<string> = new Set([
  'item.decided',
  'item.decision_undone',
  'item.decision_corrected',
]);

/**
 * Whether this first-review dismissal of the item goes to a blind second review for quality
 * control: drawn from a keyed hash of the item and its version, so it is the same for a resend and
 * cannot be predicted without the server's secret.
 */
export function sampledForSecondReview(
  secret: string,
  item: Pick<FlaggedItem, 'id' | 'version'>,
): boolean {
  const draw = Number.parseInt(sha256Hex(`${secret}\n${item.id}\n${item.version}`).slice(0, 8), 16);
  return draw / 2 ** 32 < DISMISSAL_SECOND_REVIEW_SHARE;
}

/** Who has read each item's first verdict while it awaited its blind second review. */
export async function verdictReadersOf(
  db: Db,
  itemIds: readonly string[],
): Promise<Map<string, string[]>> {
  const readers = new Map<string, string[]>();
  if (itemIds.length === 0) return readers;
  const rows = await db
    .selectFrom('verdict_readers')
    .select(['item_id', 'user_id'])
    .where('item_id', 'in', itemIds)
    .execute();
  for (const { item_id, user_id } of rows)
    readers.set(item_id, [...(readers.get(item_id) ?? []), user_id]);
  return readers;
}

/**
 * The items among these whose first verdict is withheld from `reader`: they await a blind second
 * review the reader may still make. One query for any number of items (lists, queues, clusters).
 */
export async function blindItemsFor(
  db: Db,
  items: readonly ItemState[],
  reader: User,
): Promise<Set<string>> {
  const waiting = items.filter((item) => item.status === 'awaiting_second_review');
  if (waiting.length === 0 || reader.role === 'auditor') return new Set();
  const ids = waiting.map((item) => item.id);
  const [decisions, readers] = await Promise.all([
    readDecisions(db, ids),
    verdictReadersOf(db, ids),
  ]);
  return new Set(
    waiting
      .filter((item) =>
        isBlindTo(item.status, decisions.get(item.id) ?? [], reader, readers.get(item.id)),
      )
      .map((item) => item.id),
  );
}

/** Whether the item's first verdict is withheld from this reader: they may still make its review. */
export async function isBlindFor(db: Db, item: ItemState, reader: User): Promise<boolean> {
  return (await blindItemsFor(db, [item], reader)).has(item.id);
}

/** How many decisions the item has issued, undone ones included. */
async function decisionsIssued(db: Db, itemId: string): Promise<number> {
  const { n } = await db
    .selectFrom('decisions')
    .select(db.fn.countAll<number>().as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return n;
}

/**
 * Whether reading the item's audit trail would take `reader` off a second review they may still
 * make: its first verdict is withheld from them, or it waits for a first review again after a
 * decision was taken back (whose verdict the trail holds). The console asks before it reads.
 */
export async function readingBarsFrom(db: Db, item: ItemState, reader: User): Promise<boolean> {
  if (await isBlindFor(db, item, reader)) return true;
  if (item.status !== 'pending' || reader.role === 'auditor') return false;
  const readers = await verdictReadersOf(db, [item.id]);
  if (readers.get(item.id)?.includes(reader.id)) return false;
  return (await decisionsIssued(db, item.id)) > 0;
}

/**
 * Whether reading this verdict event of the item tells `reader` a first verdict they could still
 * second-review: the item awaits a review they are blind to, or it waits for a first review again
 * after this event's decision was taken back (an undo) — the verdict that was undone is the likely
 * next one, and its second review must not go to someone who read it.
 */
async function tellsReviewable(db: Db, item: ItemState, reader: User, event: AuditEvent) {
  if (item.status === 'pending') {
    if (event.subject.id !== item.id || reader.role === 'auditor') return false;
    const readers = await verdictReadersOf(db, [item.id]);
    return !readers.get(item.id)?.includes(reader.id);
  }
  return isBlindFor(db, item, reader);
}

/** The items whose verdict a decision event tells: its own, and every item of a cluster decided. */
async function toldBy(db: Db, event: AuditEvent): Promise<string[]> {
  const anchorId = event.detail.clusterOf;
  if (typeof anchorId !== 'string') return [event.subject.id];
  const cluster = [anchorId, ...(await clusterMemberIds(db, anchorId))];
  return cluster.includes(event.subject.id) ? cluster : [event.subject.id, ...cluster];
}

/**
 * Called, in the reading transaction, with the audit events about to be given to `reader`: each
 * that tells a first verdict of an item the reader could still second-review takes them off that
 * review — on the record (`item.second_review_barred`), and any hold they have on the item is
 * released. Returns the items this read barred them from. `events` may be a function giving
 * them: it is called only for a reader who could be barred.
 */
export async function barVerdictReaders(
  trx: Transaction<Database>,
  reader: User,
  events: Iterable<AuditEvent> | (() => Iterable<AuditEvent>),
  now: Date,
): Promise<string[]> {
  // An auditor never reviews; and only an item waiting for a first or second review can be one
  // the reader could still review. One unlocked look finds those, for the whole page of events.
  if (reader.role === 'auditor') return [];
  const told = new Map<AuditEvent, string[]>();
  for (const event of typeof events === 'function' ? events() : events)
    if (event.subject.type === 'item' && VERDICT_ACTIONS.has(event.action))
      told.set(event, await toldBy(trx, event));
  const allTold = [...new Set([...told.values()].flat())];
  if (allTold.length === 0) return [];
  const open = new Set(
    (
      await trx
        .selectFrom('items')
        .select('id')
        .where('id', 'in', allTold)
        .where('status', 'in', ['pending', 'awaiting_second_review'])
        .execute()
    ).map((row) => row.id),
  );
  const barred: string[] = [];
  for (const [event, toldIds] of told) {
    const ids = toldIds.filter((id) => open.has(id));
    if (ids.length === 0) continue;
    // Locked, in id order, so two reads by one reader bar it once.
    const items = await trx
      .selectFrom('items')
      .select(['id', 'status'])
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const item of items) {
      if (!(await tellsReviewable(trx, item, reader, event))) continue;
      await trx
        .insertInto('verdict_readers')
        .values({ item_id: item.id, user_id: reader.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const released = await trx
        .deleteFrom('claims')
        .where('item_id', '=', item.id)
        .where('holder_id', '=', reader.id)
        .executeTakeFirst();
      const held = Number(released.numDeletedRows) > 0;
      await appendAuditEvents(trx, [
        {
          at: now.toISOString(),
          actor: { id: reader.id, name: reader.name, role: reader.role },
          action: 'item.second_review_barred',
          subject: { type: 'item', id: item.id },
          detail: { reason: 'read_first_verdict', auditSeq: event.seq, released: held },
        },
      ]);
      barred.push(item.id);
    }
  }
  return barred;
}
