import type { Decision } from '../../../api/schemas/decision';
import { stageLabels, verdictText } from '../model/labels';

/**
 * Every decision on the item, oldest first, with who made it at which stage — or, for a blind
 * second reviewer, a statement that the verdict under review is withheld.
 */
export function DecisionHistory({
  decisions,
  blind,
}: {
  decisions: readonly Decision[];
  blind: boolean;
}) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="text-sm font-semibold text-slate-700">
        Decision history
      </h2>
      {blind ? (
        <p className="mt-1 text-sm text-slate-600">
          Withheld for a blind second review: the first reviewer’s verdict is shown once you have
          decided.
        </p>
      ) : decisions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No decision yet.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm">
          {decisions.map((decision) => (
            <li key={decision.id}>
              <span className="font-medium">{verdictText(decision.verdict)}</span> —{' '}
              {stageLabels[decision.stage]} by {decision.actor.name} ({decision.actor.role}),{' '}
              {decision.at}, on version {decision.itemVersion}
              {decision.note && <span className="block text-slate-600">Note: {decision.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
