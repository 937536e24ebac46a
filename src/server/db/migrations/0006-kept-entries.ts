import { sql, type Kysely } from 'kysely';

/**
 * Which of its actionability entries an item keeps present whatever the time (`keptEntries` in
 * the provenance checklist), as a JSON array of entry ids: the insights count them per supplier
 * without reading and checking every item's provenance. Items stored before this have none; the
 * insights check their provenance. A JSON document like the others: `analyze` skips it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table items add column completeness_entries jsonb,
    alter column completeness_entries set statistics 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table items drop column completeness_entries`.execute(db);
}
