import { sql, type Transaction } from 'kysely';
import type { Decision } from '../../api/schemas/decision';
import type { FlaggedItem, ItemStatus } from '../../api/schemas/item';
import { appendAuditEvents } from '../audit/audit-chain';
import { conflict, type LockedItem } from '../claims/item-state';
import { reportItemChanged } from '../reports/item-changed';
import type { Database } from '../db/tables';
import { verdictDetail } from '../demo/verdict-detail';
import { decisionRow } from './decision-rows';

/**
 * Adds a decision to its locked item: the item takes `outcome`, a new version and no holder; the
 * decision is found again by its maker's idempotency key; the audit log records it as `action`.
 * The decision row goes in first, before anything else is written: the unique (maker, key)
 * constraint is what keeps one key to one decision across instances, and a key already used for
 * another item is refused here with nothing yet changed.
 */
export async function recordDecision(
  trx: Transaction<Database>,
  { item }: LockedItem,
  decision: Decision,
  outcome: ItemStatus,
  idempotencyKey: string,
  action: 'item.decided' | 'item.decision_corrected',
  detail: Record<string, string | number | null>,
): Promise<FlaggedItem> {
  const inserted = await trx
    .insertInto('decisions')
    .values(decisionRow({ ...decision, idempotencyKey }))
    .onConflict((oc) => oc.columns(['actor_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted)
    throw conflict(
      'key_reused',
      'This idempotency key was already used for a decision on another item: a new decision needs a new key.',
    );
  // Compare-and-set on the version: under the item's lock it cannot miss, and if it ever did the
  // request fails whole rather than record a decision on a version that is gone.
  const updated = await trx
    .updateTable('items')
    .set({ status: outcome, version: sql<number>`version + 1` })
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new Error(`${item.id} changed under its lock (version ${item.version})`);
  await trx.deleteFrom('claims').where('item_id', '=', item.id).execute();
  // The item's reports follow it (drafted when confirmed, changed when not), before the decision
  // is chained, as the chain's one lock is taken last. Only a confirmed item is in a report still
  // open or in review, so a change neither from nor to confirmed leaves every report as it is.
  if (item.status === 'confirmed' || outcome === 'confirmed')
    await reportItemChanged(trx, item.id, new Date(decision.at));
  await appendAuditEvents(trx, [
    {
      at: decision.at,
      actor: decision.actor,
      action,
      subject: { type: 'item', id: item.id },
      detail: {
        decisionId: decision.id,
        stage: decision.stage,
        ...verdictDetail(decision.verdict),
        outcome,
        itemVersion: decision.itemVersion,
        ...detail,
      },
    },
  ]);
  return { ...item, status: outcome, version: item.version + 1, lease: null };
}
