import { sql, type Kysely } from 'kysely';

/**
 * A queue's waiting items in the queue page's own order, ties on the id compared as bytes: a page
 * (and "next") is read from the index in order, never sorted from every waiting item. It replaces
 * the index without the id; the status views' equivalent already ends on it
 * (`items_status_priority`), so theirs without it goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index items_queue_waiting`.execute(db);
  await sql`drop index items_status_waiting`.execute(db);
  await sql`create index items_queue_waiting on items
    (queue_id, status, priority, sla_due_at, id collate "C")`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index items_queue_waiting`.execute(db);
  await sql`create index items_queue_waiting on items (queue_id, status, priority, sla_due_at)`.execute(
    db,
  );
  await sql`create index items_status_waiting on items (status, priority, sla_due_at)`.execute(db);
}
