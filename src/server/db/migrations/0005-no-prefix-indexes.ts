import { sql, type Kysely } from 'kysely';

/**
 * Drops the indexes whose key columns lead another index's: the longer one serves every lookup and
 * order the shorter did (a btree reads either way), so the shorter only cost time on each write to
 * an item and on each seed (`items_flagged_at` leads `items_list_flagged`; `items_status_flagged`
 * leads `items_status_flagged_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index items_flagged_at`.execute(db);
  await sql`drop index items_status_flagged`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index items_flagged_at on items (flagged_at)`.execute(db);
  await sql`create index items_status_flagged on items (status, flagged_at)`.execute(db);
}
