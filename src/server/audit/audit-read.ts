import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { AuditEvent } from '../../api/schemas/audit';
import type { Database, Row } from '../db/tables';
import { JsonText } from '../db/json-text';

type Db = Kysely<Database> | Transaction<Database>;

/** A query for stored events: every column of `audit_events`, its rows filtered and limited. */
export type EventRows = SelectQueryBuilder<Database, 'audit_events', Row<'audit_events'>>;

/**
 * The events `rows` selects, in seq order, as the JSON text of an array of `AuditEvent`s, written
 * by the database in the contract's shape (`at` in UTC to the millisecond, as `toISOString`
 * writes it and the hash covers it). One text instead of a row per event: the driver pays a
 * message and nine values for each row (PGlite copies every row out of its memory), three times
 * what the database spends finding them; and a page of the log goes out as the database wrote
 * it, not parsed and written again (`JsonText`).
 */
export async function eventsJson(db: Db, rows: EventRows): Promise<JsonText<AuditEvent[]>> {
  const { events } = await db
    .selectFrom(rows.as('e'))
    .select(
      sql<string>`coalesce(json_agg(json_build_object(
        'seq', e.seq,
        'at', to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'actor', e.actor,
        'action', e.action,
        'subject', json_build_object('type', e.subject_type, 'id', e.subject_id),
        'detail', e.detail,
        'prevHash', e.prev_hash,
        'hash', e.hash
      ) order by e.seq), '[]')::text`.as('events'),
    )
    .executeTakeFirstOrThrow();
  return new JsonText(events);
}

/** Events from `eventsJson`, parsed: a stored event that does not parse is an error, not a guess. */
export const parseEvents = (json: JsonText<AuditEvent[]>): AuditEvent[] =>
  (JSON.parse(json.text) as unknown[]).map((event) => AuditEvent.parse(event));

/** The events `rows` selects, in seq order, as the contract has them. */
export const readEvents = async (db: Db, rows: EventRows): Promise<AuditEvent[]> =>
  parseEvents(await eventsJson(db, rows));
