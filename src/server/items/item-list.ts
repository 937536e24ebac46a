import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { AllItemsQuery, ItemListQuery, ItemPage } from '../../api/schemas/item';
import { waitingStatus } from '../../domain/review-rules';
import type { Database } from '../db/tables';
import type { QueueDefinition } from '../directory/directory';
import { Refusal } from '../refusal';
import { readListRows } from './list-rows';

/**
 * Pages of item lists, filtered, sorted and paged in the database. Cursors carry the offset of
 * the next page, as they always have, so a position (`offset`) and a cursor address the same rows.
 */

export type ListScope = { queue: QueueDefinition } | { queue: null; q: string | undefined };

/** Cursors are opaque to clients; here they carry the offset of the next page. */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1])
    throw new Refusal(
      'invalid',
      'invalid_request',
      'query.cursor: not a cursor from this server.',
      'query.cursor',
    );
  return Number(match[1]);
}

type Items = ExpressionBuilder<Database, 'items'>;

/** Which items a scope holds: a triage queue's routed items, a status view, or a search. */
function inScope(eb: Items, scope: ListScope) {
  if (scope.queue === null) {
    if (scope.q === undefined) return eb.lit(true);
    // An id, or any hash of the item, compared without case.
    const needle = scope.q.toLowerCase();
    return eb.or([
      eb(eb.fn('lower', ['items.id']), '=', needle),
      eb('items.sha256', '=', needle),
      eb('items.md5', '=', needle),
      eb('items.pdq', '=', needle),
      eb(sql`lower(items.media -> 'originalHash' ->> 'value')`, '=', needle),
    ]);
  }
  const { queue } = scope;
  switch (queue.kind) {
    case 'triage':
      return eb('items.queue_id', '=', queue.id);
    case 'second_review':
      return eb('items.status', '=', 'awaiting_second_review');
    case 'escalations':
      return eb('items.status', '=', 'escalated');
  }
}

function matchesFilters(eb: Items, query: ItemListQuery) {
  const { status, priority, supplierId, signalKind, ruleId } = query;
  return eb.and([
    ...(status === undefined ? [] : [eb('items.status', '=', status)]),
    ...(priority === undefined ? [] : [eb('items.priority', '=', priority)]),
    ...(supplierId === undefined
      ? []
      : [
          eb.exists(
            eb
              .selectFrom('provenance')
              .select('provenance.item_id')
              .whereRef('provenance.item_id', '=', 'items.id')
              .where('provenance.supplier_id', '=', supplierId),
          ),
        ]),
    ...(signalKind === undefined
      ? []
      : [
          eb.exists(
            eb
              .selectFrom('signals')
              .select('signals.item_id')
              .whereRef('signals.item_id', '=', 'items.id')
              .where('signals.kind', '=', signalKind),
          ),
        ]),
    ...(ruleId === undefined
      ? []
      : [
          eb.exists(
            eb
              .selectFrom('signals')
              .select('signals.item_id')
              .whereRef('signals.item_id', '=', 'items.id')
              .where('signals.rule_id', '=', ruleId),
          ),
        ]),
  ]);
}

/**
 * Every order ends on the id (compared as bytes, as the console compares text), so ties are
 * ordered and, while the items do not change, pages neither skip nor repeat.
 */
const byId = sql`items.id collate "C"`;
const orders = {
  // Highest priority first, then the earliest SLA due: the order a reviewer should work in.
  priority: sql`items.priority, items.sla_due_at, ${byId}`,
  sla: sql`items.sla_due_at, ${byId}`,
  flagged: sql`items.flagged_at desc, ${byId}`,
} as const;

/**
 * The list's total from the kept counts when it selects by queue, status and priority alone (a
 * sum of a few rows however many items match); null when it needs the items counted.
 */
function countedTotal(
  trx: Transaction<Database>,
  scope: ListScope,
  query: ItemListQuery,
): Promise<number> | null {
  if (scope.queue === null && scope.q !== undefined) return null;
  if (query.supplierId !== undefined || query.signalKind !== undefined) return null;
  if (query.ruleId !== undefined) return null;
  const queue = scope.queue;
  return trx
    .selectFrom('item_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('n'), eb.lit(0)).as('n'))
    .where((eb) =>
      eb.and([
        ...(queue === null
          ? []
          : queue.kind === 'triage'
            ? [eb('queue_id', '=', queue.id)]
            : [eb('status', '=', waitingStatus[queue.kind])]),
        ...(query.status === undefined ? [] : [eb('status', '=', query.status)]),
        ...(query.priority === undefined ? [] : [eb('priority', '=', query.priority)]),
      ]),
    )
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** One page of the items in `scope` matching the query's filters, in its order. */
export async function listItemPage(
  trx: Transaction<Database>,
  scope: ListScope,
  query: ItemListQuery | AllItemsQuery,
  now: Date,
): Promise<ItemPage> {
  if (query.cursor !== undefined && query.offset !== undefined)
    throw new Refusal(
      'invalid',
      'invalid_request',
      'query.offset: give either offset or cursor, not both.',
      'query.offset',
    );
  const offset = query.offset ?? (query.cursor === undefined ? 0 : decodeCursor(query.cursor));
  const selected = trx
    .selectFrom('items')
    .where((eb) => eb.and([inScope(eb, scope), matchesFilters(eb, query)]));
  const [total, ids] = await Promise.all([
    countedTotal(trx, scope, query) ??
      selected
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((row) => row.n),
    selected
      .select('items.id')
      .orderBy(orders[query.sort])
      .offset(offset)
      .limit(query.limit)
      .execute(),
  ]);
  const items = await readListRows(
    trx,
    ids.map((row) => row.id),
    now,
  );
  const next = offset + items.length;
  return {
    items,
    total,
    offset,
    nextCursor: next < total ? encodeCursor(next) : null,
  };
}
