import type { Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { readReport, type StoredReport } from './report-rows';

/**
 * The report being filed, its row locked, after its items' rows are held `FOR SHARE`: in that
 * order, as a decision takes them (the item, then the reports holding it), so the two never wait
 * on each other in a circle. While this transaction runs, no decision changes these items.
 */
export async function lockForFiling(
  trx: Transaction<Database>,
  reportId: string,
): Promise<StoredReport> {
  const held = await trx
    .selectFrom('report_items')
    .select('item_id')
    .where('report_id', '=', reportId)
    .execute();
  if (held.length > 0)
    await trx
      .selectFrom('items')
      .select('id')
      .where(
        'id',
        'in',
        held.map((r) => r.item_id),
      )
      .orderBy('id')
      .forShare()
      .execute();
  return readReport(trx, reportId, { lock: true });
}
