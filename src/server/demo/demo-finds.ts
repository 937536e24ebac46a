import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { inCluster } from '../review/cluster-members';

/** Test setup's finds in the demo data: items in the state a browser test needs. */

type Reader = Kysely<Database> | Transaction<Database>;

/** Pending and held by no one (a claim that ran out holds nothing) at `now`, as `alias`. */
const freePending = (alias: 'anchor' | 'other' | 'items', now: Date): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(`${alias}.status`)} = 'pending' and not exists (
    select 1 from claims c where c.item_id = ${sql.ref(`${alias}.id`)} and c.expires_at > ${now})`;

/**
 * The first free pending item (by id) whose same-hash cluster (`review/cluster-members.ts`) holds
 * at least `others` other free pending items; null when there is none.
 */
export async function pendingCluster(db: Reader, others: number, now: Date) {
  const found = await db
    .selectFrom('items as anchor')
    .select('anchor.id')
    .where(freePending('anchor', now))
    .where(
      (eb) =>
        eb
          .selectFrom('items as other')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('other.id', '<>', 'anchor.id')
          .where(freePending('other', now))
          .where(inCluster),
      '>=',
      others,
    )
    .orderBy('anchor.id')
    .limit(1)
    .executeTakeFirst();
  return found?.id ?? null;
}

/**
 * Shows a signal no matcher raises (the demo data has none): the first free pending item (by id)
 * whose first signal is a PDQ hash match gets that match's distance moved 7 bits past its list's
 * limit. The item's id, or null when there is none.
 */
export async function pastThresholdSignal(trx: Transaction<Database>, now: Date) {
  const found = await trx
    .selectFrom('items')
    .innerJoin('signals', 'signals.item_id', 'items.id')
    .select('items.id')
    .where(freePending('items', now))
    .where('signals.position', '=', 0)
    .where('signals.kind', '=', 'hash_match')
    .where(sql<SqlBool>`signals.signal->>'algorithm' = 'PDQ'`)
    .orderBy('items.id')
    .limit(1)
    .executeTakeFirst();
  if (!found) return null;
  await trx
    .updateTable('signals')
    .set({
      signal: sql`jsonb_set(signal, '{distance}', to_jsonb((signal->>'maxDistance')::int + 7))`,
    })
    .where('item_id', '=', found.id)
    .where('position', '=', 0)
    .execute();
  return found.id;
}
