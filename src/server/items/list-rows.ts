import { sql, type Kysely, type Transaction } from 'kysely';
import { Signal, type ItemRow } from '../../api/schemas/item';
import {
  completenessAt,
  keptCompleteness,
  type KeptCompleteness,
} from '../../domain/provenance-checklist';
import { z } from '../../lib/zod';
import type { Database } from '../db/tables';
import { ChecklistSubjectRow, checklistSubjectWithout, subjectOf } from './checklist-subject';
import { itemCoreOf, itemsWithHolders } from './item-rows';

/**
 * What a list row is made of beyond the item's columns: its first signal, and, for an item stored
 * before items kept their completeness, what the provenance checklist reads. Not the rest of the
 * item: at 100 rows a page, reading whole items (custody chains, every signal, the media's
 * details) and checking every provenance made most of a list's time.
 */
const RowSource = z.object({
  topSignal: Signal,
  checklistSubject: z.nullable(ChecklistSubjectRow),
});

/** The list rows of the items with these ids, in the order asked; missing ids left out. */
export async function readListRows(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
  now: Date,
): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await itemsWithHolders(db)
    .select([
      'items.id',
      'items.version',
      'items.queue_id',
      'items.status',
      'items.priority',
      'items.flagged_at',
      'items.sla_due_at',
      'items.hash_only',
      'items.completeness_timeless',
      'items.completeness_incident_from',
      'provenance.supplier_id',
      sql<string>`provenance.supplier ->> 'name'`.as('supplier_name'),
      'claims.holder_id',
      'claims.window_id',
      'claims.expires_at',
      'users.name as holder_name',
      sql`(select s.signal from signals s
        where s.item_id = items.id and s.position = 0)`.as('top_signal'),
      checklistSubjectWithout('completeness_timeless').as('checklist_subject'),
    ])
    .where('items.id', '=', sql<string>`any(${ids}::text[])`)
    .execute();
  const byId = new Map(
    rows.map((row) => {
      const { topSignal, checklistSubject } = RowSource.parse({
        topSignal: row.top_signal,
        checklistSubject: row.checklist_subject,
      });
      const kept: KeptCompleteness =
        row.completeness_timeless === null
          ? keptCompleteness(subjectOf(row.id, checklistSubject))
          : { timeless: row.completeness_timeless, incidentFrom: row.completeness_incident_from };
      const itemRow: ItemRow = {
        ...itemCoreOf(row),
        previewMode: row.hash_only ? 'hash_only' : 'blurred',
        topSignal,
        supplier: { id: row.supplier_id, name: row.supplier_name },
        completeness: completenessAt(kept, now),
      };
      return [row.id, itemRow] as const;
    }),
  );
  return ids.flatMap((id) => {
    const itemRow = byId.get(id);
    return itemRow ? [itemRow] : [];
  });
}
