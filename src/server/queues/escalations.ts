import { sql, type Transaction } from 'kysely';
import type { Decision } from '../../api/schemas/decision';
import type { MyEscalation } from '../../api/schemas/escalation';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';

/** Whether this decision sent its item to the supervisors, and why. */
function escalationKind(
  decision: Decision,
  before: readonly Decision[],
): MyEscalation['kind'] | null {
  if (decision.verdict.kind === 'escalate') return 'escalated';
  if (decision.stage !== 'second') return null;
  const first = before.findLast((d) => d.stage === 'first');
  return first && first.verdict.kind !== decision.verdict.kind ? 'disagreement' : null;
}

/**
 * The user's standing decisions that sent their item to the supervisors, newest first: their
 * escalations, and their second reviews whose verdict differs from the first review before them.
 */
function escalatingDecisions(trx: Transaction<Database>, userId: string, limit: number) {
  return trx
    .selectFrom('decisions as d')
    .select(['d.id', 'd.item_id'])
    .where('d.actor_id', '=', userId)
    .where('d.undone_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(sql`d.verdict ->> 'kind'`, '=', 'escalate'),
        eb.and([
          eb('d.stage', '=', 'second'),
          eb(
            eb
              .selectFrom('decisions as f')
              .select(sql<string>`f.verdict ->> 'kind'`.as('kind'))
              .whereRef('f.item_id', '=', 'd.item_id')
              .where('f.undone_at', 'is', null)
              .where('f.stage', '=', 'first')
              .where(sql<boolean>`(f.at, f.item_version) < (d.at, d.item_version)`)
              .orderBy('f.at', 'desc')
              .orderBy('f.item_version', 'desc')
              .limit(1),
            '<>',
            sql<string>`d.verdict ->> 'kind'`,
          ),
        ]),
      ]),
    )
    .orderBy('d.at', 'desc')
    .limit(limit)
    .execute();
}

/** What the user sent to the supervisors, newest first, each with its outcome once decided. */
export async function escalationsBy(
  trx: Transaction<Database>,
  userId: string,
  limit = 50,
): Promise<MyEscalation[]> {
  const found = await escalatingDecisions(trx, userId, limit);
  const itemIds = [...new Set(found.map((d) => d.item_id))];
  if (itemIds.length === 0) return [];
  const [histories, statuses] = await Promise.all([
    readDecisions(trx, itemIds),
    trx.selectFrom('items').select(['id', 'status']).where('id', 'in', itemIds).execute(),
  ]);
  const statusOf = new Map(statuses.map((row) => [row.id, row.status]));
  return found.flatMap(({ id, item_id: itemId }): MyEscalation[] => {
    const history = histories.get(itemId) ?? [];
    const index = history.findIndex((d) => d.id === id);
    const decision = history[index];
    const status = statusOf.get(itemId);
    if (!decision || !status) return [];
    const kind = escalationKind(decision, history.slice(0, index));
    if (!kind) return [];
    // The supervisor decision that stands: the latest (a correction supersedes an earlier one).
    const resolution = history.slice(index + 1).findLast((d) => d.stage === 'supervisor') ?? null;
    return [
      {
        itemId,
        escalatedAt: decision.at,
        kind,
        reason: decision.verdict.kind === 'escalate' ? decision.verdict.reason : null,
        status,
        resolution,
      },
    ];
  });
}
