import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from '../../lib/zod';
import { Media, Provenance, Signal, type ItemRow } from '../../api/schemas/item';
import { actionabilityScore, provenanceChecklist } from '../../domain/provenance-checklist';
import type { Database } from '../db/tables';
import { leaseOf } from './item-rows';

/**
 * What a list row is made of beyond the item's columns: its first signal, and what the
 * provenance checklist reads for the completeness badge. Not the rest of the item: at 100 rows a
 * page, the custody chains, the other signals and the media's details were half of what a list
 * read from the database and parsed.
 */
const RowSource = z.object({
  topSignal: Signal,
  media: Media.pick({ originalHash: true, fileName: true }),
  provenance: Provenance.omit({ custody: true }),
});

/** The list rows of the items with these ids, in the order asked; missing ids left out. */
export async function readListRows(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
  now: Date,
): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('items')
    .innerJoin('provenance', 'provenance.item_id', 'items.id')
    .leftJoin('claims', 'claims.item_id', 'items.id')
    .leftJoin('users', 'users.id', 'claims.holder_id')
    .select([
      'items.id',
      'items.version',
      'items.queue_id',
      'items.status',
      'items.priority',
      'items.flagged_at',
      'items.sla_due_at',
      'items.hash_only',
      'provenance.supplier',
      'provenance.dataset',
      'provenance.acquisition',
      'provenance.origin',
      'claims.holder_id',
      'claims.window_id',
      'claims.expires_at',
      'users.name as holder_name',
      sql`items.media -> 'originalHash'`.as('original_hash'),
      sql`items.media -> 'fileName'`.as('file_name'),
      sql`(select s.signal from signals s
        where s.item_id = items.id and s.position = 0)`.as('top_signal'),
    ])
    .where('items.id', 'in', ids)
    .execute();
  const byId = new Map(
    rows.map((row) => {
      const { topSignal, media, provenance } = RowSource.parse({
        topSignal: row.top_signal,
        media: { originalHash: row.original_hash, fileName: row.file_name },
        provenance: {
          supplier: row.supplier,
          dataset: row.dataset,
          acquisition: row.acquisition,
          origin: row.origin,
        },
      });
      const itemRow: ItemRow = {
        id: row.id,
        version: row.version,
        queueId: row.queue_id,
        status: row.status,
        priority: row.priority,
        flaggedAt: row.flagged_at.toISOString(),
        slaDueAt: row.sla_due_at.toISOString(),
        lease: leaseOf(row),
        previewMode: row.hash_only ? 'hash_only' : 'blurred',
        topSignal,
        supplier: { id: provenance.supplier.id, name: provenance.supplier.name },
        completeness: actionabilityScore(provenanceChecklist({ media, provenance }, now)),
      };
      return [row.id, itemRow] as const;
    }),
  );
  return ids.flatMap((id) => {
    const itemRow = byId.get(id);
    return itemRow ? [itemRow] : [];
  });
}
