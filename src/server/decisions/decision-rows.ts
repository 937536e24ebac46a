import type { Kysely, OperandExpression, Transaction } from 'kysely';
import { Decision } from '../../api/schemas/decision';
import { insertRows } from '../db/bulk-load';
import type { Database, NewRow, Row } from '../db/tables';

/** A decision as stored: the contract's shape, plus its maker's idempotency key. */
export type StoredDecision = Decision & { idempotencyKey: string };

export const decisionRow = (d: StoredDecision): NewRow<'decisions'> => ({
  id: d.id,
  item_id: d.itemId,
  item_version: d.itemVersion,
  stage: d.stage,
  verdict: JSON.stringify(d.verdict),
  supersedes: d.supersedes,
  note: d.note,
  actor_id: d.actor.id,
  at: d.at,
  idempotency_key: d.idempotencyKey,
  undone_at: null,
});

export async function insertDecisions(
  trx: Transaction<Database>,
  decisions: readonly StoredDecision[],
) {
  await insertRows(trx, 'decisions', decisions, decisionRow);
}

/** A decision row, joined with its actor's name and role, as the contract has it. */
export type DecisionRowWithActor = Row<'decisions'> & { actor_name: string; actor_role: string };

/** A stored decision as the contract has it; a row that does not parse is an error, not a guess. */
export const decisionOf = (row: DecisionRowWithActor): Decision =>
  Decision.parse({
    id: row.id,
    itemId: row.item_id,
    itemVersion: row.item_version,
    stage: row.stage,
    verdict: row.verdict,
    supersedes: row.supersedes,
    note: row.note,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role },
    at: row.at.toISOString(),
  });

/** Decisions with their actors' names and roles, to be narrowed by the caller. */
export const selectDecisions = (db: Kysely<Database> | Transaction<Database>) =>
  db
    .selectFrom('decisions')
    .innerJoin('users', 'users.id', 'decisions.actor_id')
    .selectAll('decisions')
    .select(['users.name as actor_name', 'users.role as actor_role']);

/** A query for item ids, one column: the items to read, chosen in the database. */
export type ItemIds = OperandExpression<string>;

/**
 * The standing (not undone) decisions on these items (their ids, or a query for them), oldest
 * first, by item.
 */
export async function readDecisions(
  db: Kysely<Database> | Transaction<Database>,
  itemIds: readonly string[] | ItemIds,
): Promise<Map<string, Decision[]>> {
  const byItem = new Map<string, Decision[]>();
  if (Array.isArray(itemIds) && itemIds.length === 0) return byItem;
  const rows = await selectDecisions(db)
    .where('decisions.item_id', 'in', itemIds)
    .where('decisions.undone_at', 'is', null)
    .orderBy('decisions.at')
    .orderBy('decisions.item_version')
    .execute();
  for (const row of rows) {
    const decisions = byItem.get(row.item_id);
    if (decisions) decisions.push(decisionOf(row));
    else byItem.set(row.item_id, [decisionOf(row)]);
  }
  return byItem;
}
