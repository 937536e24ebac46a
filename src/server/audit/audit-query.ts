import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { AuditEvent, AuditFilterQuery, AuditPage, AuditQuery } from '../../api/schemas/audit';
import type { Database } from '../db/tables';
import { auditHead } from './audit-chain';
import type { JsonText } from '../db/json-text';
import { eventsJson, readEvents } from './audit-read';

type Db = Kysely<Database> | Transaction<Database>;

/** Whether any filter is set: an unfiltered page is read by seq alone. */
export const isFiltered = (filter: AuditFilterQuery) =>
  Object.values(filter).some((value) => value !== undefined);

/**
 * The filter as SQL, over the log up to `lastSeq` (the head when the read began, so a count, a
 * page and a seq range taken by separate statements describe the same log). Times are compared
 * as instants: `…T10:00:00Z` and `…T10:00:00.000Z` are the same time.
 */
export function matching(filter: AuditFilterQuery, lastSeq: number) {
  return (eb: ExpressionBuilder<Database, 'audit_events'>) => {
    const conditions = [eb('seq', '<=', lastSeq)];
    if (filter.actorId !== undefined)
      conditions.push(eb(sql<string>`actor->>'id'`, '=', filter.actorId));
    if (filter.role !== undefined)
      conditions.push(eb(sql<string>`actor->>'role'`, '=', filter.role));
    if (filter.action !== undefined) conditions.push(eb('action', '=', filter.action));
    if (filter.subjectId !== undefined) conditions.push(eb('subject_id', '=', filter.subjectId));
    if (filter.from !== undefined) conditions.push(eb('at', '>=', new Date(filter.from)));
    if (filter.to !== undefined) conditions.push(eb('at', '<', new Date(filter.to)));
    return eb.and(conditions);
  };
}

/** How many events match, and the contiguous seq range that covers them (null when none). */
export async function matchingExtent(db: Db, filter: AuditFilterQuery, lastSeq: number) {
  if (!isFiltered(filter))
    return { total: lastSeq, seqRange: lastSeq > 0 ? { first: 1, last: lastSeq } : null };
  const row = await db
    .selectFrom('audit_events')
    .where(matching(filter, lastSeq))
    .select((eb) => [
      eb.fn.countAll<string | number>().as('total'),
      eb.fn.min<number | null>('seq').as('first'),
      eb.fn.max<number | null>('seq').as('last'),
    ])
    .executeTakeFirstOrThrow();
  const total = Number(row.total);
  return {
    total,
    seqRange:
      total > 0 && row.first !== null && row.last !== null
        ? { first: row.first, last: row.last }
        : null,
  };
}

/**
 * A page of the audit log by position in the filtered log, with what a verifier needs: the
 * number of matching events, the seq range covering them and the chain's head. Unfiltered,
 * position `offset` holds seq `offset + 1` (the log has no gaps), read by its primary key. The
 * page's events are the JSON text the database wrote (`eventsJson`).
 */
export async function queryAudit(
  db: Db,
  { offset, limit, ...filter }: AuditQuery,
): Promise<
  Omit<AuditPage, 'events' | 'secondReviewsBarred'> & { eventsJson: JsonText<AuditEvent[]> }
> {
  const head = await auditHead(db);
  const { total, seqRange } = await matchingExtent(db, filter, head.seq);
  const events = await eventsJson(
    db,
    isFiltered(filter)
      ? db
          .selectFrom('audit_events')
          .selectAll()
          .where(matching(filter, head.seq))
          .orderBy('seq')
          .offset(offset)
          .limit(limit)
      : db
          .selectFrom('audit_events')
          .selectAll()
          // Bounded by the head: an offset past it (up to 2^53) is an empty page, never a
          // number the seq column cannot hold.
          .where('seq', '>', Math.min(head.seq, offset))
          .where('seq', '<=', Math.min(head.seq, offset + limit)),
  );
  return { eventsJson: events, total, offset, seqRange, head };
}

/**
 * Every event matching the filter up to `lastSeq` (of these actions about items, when given), a
 * page at a time in seq order: each page a seek past the last seq read, so the millionth event
 * costs what the first did.
 */
export async function* auditEventsMatching(
  db: Db,
  filter: AuditFilterQuery,
  lastSeq: number,
  { itemActions, pageSize = 1000 }: { itemActions?: readonly string[]; pageSize?: number } = {},
): AsyncGenerator<AuditEvent> {
  for (let after = 0; ;) {
    let query = db
      .selectFrom('audit_events')
      .selectAll()
      .where(matching(filter, lastSeq))
      .where('seq', '>', after);
    if (itemActions)
      query = query.where('action', 'in', itemActions).where('subject_type', '=', 'item');
    const events = await readEvents(db, query.orderBy('seq').limit(pageSize));
    yield* events;
    const last = events.at(-1);
    if (!last || events.length < pageSize) return;
    after = last.seq;
  }
}
