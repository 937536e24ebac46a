import type { Decision } from '../../api/schemas/decision';
import type { MyEscalation } from '../../api/schemas/escalation';
import type { MockState } from './backend';

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

/** What the user sent to the supervisors, newest first, each with its outcome once decided. */
export function escalationsBy(
  { decisions, itemsById }: Pick<MockState, 'decisions' | 'itemsById'>,
  userId: string,
  limit = 50,
): MyEscalation[] {
  const found: MyEscalation[] = [];
  for (const [itemId, history] of decisions) {
    history.forEach((decision, index) => {
      if (decision.actor.id !== userId) return;
      const kind = escalationKind(decision, history.slice(0, index));
      const item = itemsById.get(itemId);
      if (!kind || !item) return;
      // The supervisor decision that stands: the latest (a correction supersedes an earlier one).
      const resolution = history.slice(index + 1).findLast((d) => d.stage === 'supervisor') ?? null;
      found.push({
        itemId,
        escalatedAt: decision.at,
        kind,
        reason: decision.verdict.kind === 'escalate' ? decision.verdict.reason : null,
        status: item.status,
        resolution,
      });
    });
  }
  return found.sort((a, b) => b.escalatedAt.localeCompare(a.escalatedAt)).slice(0, limit);
}
