import { sql, type Kysely } from 'kysely';

/**
 * What an item keeps of its completeness badge (`keptCompleteness` in the provenance checklist),
 * so that a list shows the badge without reading and checking every row's provenance: the
 * actionability entries present whatever the time, and from when (epoch milliseconds) its
 * incident date is. Items stored before this have neither; a list checks their provenance.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table items
    add column completeness_timeless smallint,
    add column completeness_incident_from double precision`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table items
    drop column completeness_timeless,
    drop column completeness_incident_from`.execute(db);
}
