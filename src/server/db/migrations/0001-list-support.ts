import { sql, type Kysely } from 'kysely';

/**
 * Part of the core migration: what item lists, queue summaries and escalations read through, so
 * that none of them reads every item of a large queue.
 *
 * - Indexes for every list order, each ending on the id compared as bytes (`collate "C"`, as the
 *   lists order it): a page is read in order from its scope and stops at its limit.
 * - `item_counts`: how many items there are by queue, status and priority, kept by triggers in the
 *   transaction that changes an item, so a list's total and a queue's counts are sums of a few
 *   rows. Each key is split over 16 stripes (by a hash of the item's id), so that concurrent
 *   decisions rarely wait on one counter row; one statement updates them in key order, so two
 *   never deadlock.
 * - `items.status_since`: when the item's latest standing decision was made (null before its
 *   first), kept by triggers on `decisions` whoever writes them: how long an item has waited in a
 *   second review or an escalation, read from an index instead of from every item's decisions.
 */
const stripe = 'abs(hashtext(id)) % 16';

/**
 * The trigger that moves `item_counts` by the items a statement on `items` removed and added (an
 * update removes the old row and adds the new: a change that keeps queue, status and priority
 * moves nothing and locks no counter).
 */
function countsTrigger(op: 'insert' | 'update' | 'delete') {
  const name = `item_counts_after_${op}`;
  const removed = `select queue_id, status, priority, ${stripe} as stripe, -1 as delta from removed_items`;
  const added = `select queue_id, status, priority, ${stripe} as stripe, 1 as delta from added_items`;
  const changes =
    op === 'insert' ? added : op === 'delete' ? removed : `${removed} union all ${added}`;
  const transitions =
    op === 'insert'
      ? 'new table as added_items'
      : op === 'delete'
        ? 'old table as removed_items'
        : 'old table as removed_items new table as added_items';
  return [
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        insert into item_counts (queue_id, status, priority, stripe, n)
        select queue_id, status, priority, stripe, sum(delta) from (${changes}) change
        group by queue_id, status, priority, stripe
        having sum(delta) <> 0
        order by queue_id, status, priority, stripe
        on conflict (queue_id, status, priority, stripe)
        do update set n = item_counts.n + excluded.n;
        return null;
      end $$`),
    sql.raw(`create trigger ${name} after ${op} on items referencing ${transitions}
      for each statement execute function ${name}()`),
  ];
}

const statements = [
  // All items, in each of the three orders.
  sql`create index items_list_priority on items (priority, sla_due_at, id collate "C")`,
  sql`create index items_list_sla on items (sla_due_at, id collate "C")`,
  sql`create index items_list_flagged on items (flagged_at desc, id collate "C")`,
  // A triage queue's items.
  sql`create index items_queue_priority on items (queue_id, priority, sla_due_at, id collate "C")`,
  sql`create index items_queue_sla on items (queue_id, sla_due_at, id collate "C")`,
  sql`create index items_queue_flagged on items (queue_id, flagged_at desc, id collate "C")`,
  // A status: the second-review and escalation queues, and the status filter.
  sql`create index items_status_priority on items (status, priority, sla_due_at, id collate "C")`,
  sql`create index items_status_sla on items (status, sla_due_at, id collate "C")`,
  sql`create index items_status_flagged_id on items (status, flagged_at desc, id collate "C")`,
  // Search: an id, or a hash as obtained, compared without case.
  sql`create index items_id_lower on items (lower(id))`,
  sql`create index items_original_hash_lower on items (lower(media -> 'originalHash' ->> 'value'))`,
  // A user's escalations, newest first.
  sql`create index decisions_actor on decisions (actor_id, at)`,

  // How long the oldest item has waited: in a triage queue since flagged, elsewhere since its
  // latest standing decision.
  sql`alter table items add column status_since timestamptz`,
  sql`create index items_queue_waiting_since on items (queue_id, status, flagged_at)`,
  sql`create index items_status_since on items (status, (coalesce(status_since, flagged_at)))`,
  sql`create function items_refresh_status_since() returns trigger language plpgsql as $$
    begin
      update items set status_since = (
        select max(d.at) from decisions d where d.item_id = items.id and d.undone_at is null
      )
      where items.id in (select item_id from changed_decisions);
      return null;
    end $$`,
  sql`create trigger decisions_inserted_status_since after insert on decisions
    referencing new table as changed_decisions
    for each statement execute function items_refresh_status_since()`,
  sql`create trigger decisions_updated_status_since after update on decisions
    referencing new table as changed_decisions
    for each statement execute function items_refresh_status_since()`,
  sql`create trigger decisions_deleted_status_since after delete on decisions
    referencing old table as changed_decisions
    for each statement execute function items_refresh_status_since()`,

  sql`create table item_counts (
    queue_id text not null,
    status text not null,
    priority text not null,
    stripe integer not null,
    n bigint not null,
    primary key (queue_id, status, priority, stripe)
  )`,
  ...countsTrigger('insert'),
  ...countsTrigger('update'),
  ...countsTrigger('delete'),
];

export async function createListSupport(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
