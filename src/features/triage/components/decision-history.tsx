import { useState } from 'react';
import type { Decision } from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { stageLabels } from '../model/labels';
import { verdictText } from '../../../domain/decision-labels';
import { CorrectionForm } from './correction-form';
import { correctionRefusal } from '../../../domain/review-rules';

/**
 * Every decision on the item, oldest first, with who made it at which stage and what corrected
 * what — or, for a blind second reviewer, a statement that the verdict under review is withheld.
 * A supervisor (`canCorrect`) who made no decision on the item may correct the latest one.
 */
export function DecisionHistory({
  item,
  decisions,
  blind,
  canCorrect,
  userId,
}: {
  item: FlaggedItem;
  decisions: readonly Decision[];
  blind: boolean;
  canCorrect: boolean;
  userId: string;
}) {
  const [correcting, setCorrecting] = useState<string | null>(null);
  const correctable =
    canCorrect &&
    correctionRefusal(item.status) === null &&
    !decisions.some((d) => d.actor.id === userId)
      ? decisions.at(-1)
      : undefined;
  const supersededBy = new Map(
    decisions.flatMap((d) => (d.supersedes ? [[d.supersedes, d] as const] : [])),
  );
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
        <ol className="mt-2 space-y-2 text-sm">
          {decisions.map((decision) => {
            const successor = supersededBy.get(decision.id);
            return (
              <li key={decision.id} className={successor ? 'text-slate-500' : undefined}>
                <span className={`font-medium ${successor ? 'line-through' : ''}`}>
                  {verdictText(decision.verdict)}
                </span>{' '}
                — {decision.supersedes ? 'Correction' : stageLabels[decision.stage]} by{' '}
                {decision.actor.name} ({decision.actor.role}), {decision.at}, on version{' '}
                {decision.itemVersion}
                <span className="font-mono text-xs"> · {decision.id}</span>
                {decision.supersedes && (
                  <span className="block">Corrects {decision.supersedes}</span>
                )}
                {successor && (
                  <span className="block">
                    Superseded by {successor.id} ({successor.actor.name})
                  </span>
                )}
                {decision.note && (
                  <span className="block text-slate-600">
                    {decision.supersedes ? 'Rationale' : 'Note'}: {decision.note}
                  </span>
                )}
                {decision === correctable && correcting !== decision.id && (
                  <Button
                    variant="quiet"
                    aria-label={`Correct ${decision.id}`}
                    onClick={() => setCorrecting(decision.id)}
                  >
                    Correct…
                  </Button>
                )}
                {correcting === decision.id && (
                  <CorrectionForm
                    item={item}
                    decision={decision}
                    onClose={() => setCorrecting(null)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
