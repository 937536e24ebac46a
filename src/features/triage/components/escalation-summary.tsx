import type { Decision } from '../../../api/schemas/decision';
import { underReview } from '../../../domain/review-rules';
import { stageLabels } from '../model/labels';
import { verdictText } from '../../../domain/decision-labels';

function VerdictCard({ decision }: { decision: Decision }) {
  return (
    <div className="flex-1 rounded-md border border-slate-200 bg-white p-2">
      <h3 className="text-xs font-semibold text-slate-600">
        {stageLabels[decision.stage]}: {decision.actor.name}
      </h3>
      <p className="font-medium">{verdictText(decision.verdict)}</p>
      {decision.note && <p className="text-slate-600">Note: {decision.note}</p>}
    </div>
  );
}

/**
 * Why an escalated item waits for a supervisor: the analyst's escalation and reason, or a
 * second-review disagreement with both verdicts side by side.
 */
export function EscalationSummary({ decisions }: { decisions: readonly Decision[] }) {
  const first = underReview(decisions);
  if (!first) return null;
  const second = decisions.slice(decisions.indexOf(first) + 1).find((d) => d.stage === 'second');
  const shown = second ? [first, second] : [first];
  const title = !second
    ? 'Escalated at first review'
    : second.verdict.kind === 'escalate'
      ? 'Escalated at second review'
      : 'Second-review disagreement';
  return (
    <section
      aria-label="Escalation summary"
      className="space-y-2 rounded-md bg-amber-50 p-3 text-sm"
    >
      <h2 className="font-semibold text-amber-950">{title}</h2>
      <div className="flex gap-2">
        {shown.map((decision) => (
          <VerdictCard key={decision.id} decision={decision} />
        ))}
      </div>
    </section>
  );
}
