import { sql, type Kysely, type Transaction } from 'kysely';
import { FlaggedItem, Media } from '../../api/schemas/item';
import { keptChecklist } from '../../domain/provenance-checklist';
import { insertRows } from '../db/bulk-load';
import type { Database, NewRow, Row } from '../db/tables';

/**
 * Items in the database and back: the columns queries filter, sort and join on, and the nested
 * shapes the console reads whole as JSONB. A lease is a claim row, named for its holder on read.
 */

function itemRow(item: FlaggedItem, statusSince: string | null): NewRow<'items'> {
  const kept = keptChecklist(item);
  return {
    id: item.id,
    version: item.version,
    queue_id: item.queueId,
    status: item.status,
    priority: item.priority,
    flagged_at: item.flaggedAt,
    sla_due_at: item.slaDueAt,
    sha256: item.media.sha256,
    md5: item.media.md5,
    pdq: item.media.pdq,
    hash_only: item.preview.mode === 'hash_only',
    media: JSON.stringify(item.media),
    completeness_timeless: kept.timeless,
    completeness_incident_from: kept.incidentFrom,
    completeness_entries: JSON.stringify(kept.entries),
    status_since: statusSince,
  };
}

const provenanceRow = ({ id, provenance: p }: FlaggedItem): NewRow<'provenance'> => ({
  item_id: id,
  supplier_id: p.supplier.id,
  dataset_id: p.dataset?.id ?? null,
  batch_id: p.acquisition.batchId,
  crawled_at: p.origin.crawledAt,
  supplier: JSON.stringify(p.supplier),
  dataset: p.dataset === null ? null : JSON.stringify(p.dataset),
  acquisition: JSON.stringify(p.acquisition),
  origin: JSON.stringify(p.origin),
  custody: JSON.stringify(p.custody),
});

const signalRow = ({
  item,
  signal,
  position,
}: {
  item: FlaggedItem;
  signal: FlaggedItem['signals'][number];
  position: number;
}): NewRow<'signals'> => ({
  item_id: item.id,
  position,
  kind: signal.kind,
  rule_id: signal.ruleId,
  rule_version: signal.ruleVersion,
  signal: JSON.stringify(signal),
});

type LeasedItem = FlaggedItem & { lease: NonNullable<FlaggedItem['lease']> };

const claimRow = ({ id, flaggedAt, lease }: LeasedItem): NewRow<'claims'> => ({
  item_id: id,
  holder_id: lease.holderId,
  window_id: lease.window,
  claimed_at: flaggedAt,
  expires_at: lease.expiresAt,
});

/**
 * Inserts the items whole: their signals, provenance and leases (as claims), each table in one
 * statement. `statusSince` is for a bulk load that inserts their decisions next with the trigger
 * that keeps it off: when each item's latest decision was made, by id.
 */
export async function insertItems(
  trx: Transaction<Database>,
  items: readonly FlaggedItem[],
  statusSince: ReadonlyMap<string, string> = new Map(),
) {
  await insertRows(trx, 'items', items, (item) => itemRow(item, statusSince.get(item.id) ?? null));
  await insertRows(
    trx,
    'signals',
    items.flatMap((item) => item.signals.map((signal, position) => ({ item, signal, position }))),
    signalRow,
  );
  await insertRows(trx, 'provenance', items, provenanceRow);
  await insertRows(
    trx,
    'claims',
    items.filter((item): item is LeasedItem => item.lease !== null),
    claimRow,
  );
}

/** A claim row, with its holder's name, as the lease the contract shows; null when unclaimed. */
export const leaseOf = (row: {
  holder_id: string | null;
  holder_name: string | null;
  window_id: string | null;
  expires_at: Date | null;
}) =>
  row.holder_id && row.expires_at
    ? {
        holderId: row.holder_id,
        holderName: row.holder_name ?? row.holder_id,
        expiresAt: row.expires_at.toISOString(),
        window: row.window_id,
      }
    : null;

/** Items with their provenance, and their claim and its holder when they have one. */
export const itemsWithHolders = (db: Kysely<Database> | Transaction<Database>) =>
  db
    .selectFrom('items')
    .innerJoin('provenance', 'provenance.item_id', 'items.id')
    .leftJoin('claims', 'claims.item_id', 'items.id')
    .leftJoin('users', 'users.id', 'claims.holder_id');

/** An item's own columns and its lease, as the contract names them. */
export const itemCoreOf = (
  row: Pick<
    Row<'items'>,
    'id' | 'version' | 'queue_id' | 'status' | 'priority' | 'flagged_at' | 'sla_due_at'
  > &
    Parameters<typeof leaseOf>[0],
) => ({
  id: row.id,
  version: row.version,
  queueId: row.queue_id,
  status: row.status,
  priority: row.priority,
  flaggedAt: row.flagged_at.toISOString(),
  slaDueAt: row.sla_due_at.toISOString(),
  lease: leaseOf(row),
});

/** The items with these ids as the contract has them, in the order asked; missing ids left out. */
export async function readItems(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
): Promise<FlaggedItem[]> {
  if (ids.length === 0) return [];
  const rows = await itemsWithHolders(db)
    .selectAll('items')
    .select([
      'provenance.supplier',
      'provenance.dataset',
      'provenance.acquisition',
      'provenance.origin',
      'provenance.custody',
      'claims.holder_id',
      'claims.window_id',
      'claims.expires_at',
      'users.name as holder_name',
      // In the same statement: one round trip reads an item whole.
      sql<unknown[]>`coalesce((select json_agg(s.signal order by s.position) from signals s
        where s.item_id = items.id), '[]'::json)`.as('signals'),
    ])
    .where('items.id', 'in', ids)
    .execute();
  const byId = new Map(
    rows.map((row) => {
      const media = Media.parse(row.media);
      const item = FlaggedItem.parse({
        ...itemCoreOf(row),
        media,
        preview: row.hash_only
          ? { mode: 'hash_only' }
          : { mode: 'blurred', blurredUrl: `/api/items/${row.id}/preview` },
        signals: row.signals,
        provenance: {
          supplier: row.supplier,
          dataset: row.dataset,
          acquisition: row.acquisition,
          origin: row.origin,
          custody: row.custody,
        },
      });
      return [row.id, item] as const;
    }),
  );
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}
