import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/tables';

/**
 * The demo's `tamper:audit` fault: edits the stored event at `seq` behind the chain's back (its
 * detail gains `tampered: true`, its hash is left as it was), so verification has a real failure
 * to find. Nothing else ever writes to a stored event.
 */
export async function tamperAuditEvent(trx: Transaction<Database>, seq: number): Promise<void> {
  await trx
    .updateTable('audit_events')
    .set({ detail: sql`detail || '{"tampered":true}'::jsonb` })
    .where('seq', '=', seq)
    .execute();
}
