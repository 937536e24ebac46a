import type { Signal } from '../../../api/schemas/item';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import { pastThreshold } from '../../../domain/signal-threshold';
import { hashListLabels, signalKindLabels } from '../model/labels';

function SignalDetail({ signal }: { signal: Signal }) {
  switch (signal.kind) {
    case 'hash_match':
      return (
        <>
          {hashListLabels[signal.hashList]} · {signal.algorithm} · distance {signal.distance}
          {signal.algorithm === 'PDQ' || signal.algorithm === 'PhotoDNA'
            ? pastThreshold(signal)
              ? ` (a match needs ≤ ${signal.maxDistance})`
              : ` (match at ≤ ${signal.maxDistance})`
            : ' (exact)'}
        </>
      );
    case 'classifier':
      return (
        <>
          score {signal.score.toFixed(3)} {signal.score >= signal.threshold ? '≥' : '<'} threshold{' '}
          {signal.threshold.toFixed(2)}
        </>
      );
    case 'text_rule':
      return (
        <>
          matched in {signal.field}: “<UntrustedText text={signal.matchedText} />”
        </>
      );
    case 'heuristic':
      return <>{signal.description}</>;
  }
}

/** Plainly: this signal is no match, whatever its list or rule. */
function PastThresholdNote({ signal }: { signal: Signal }) {
  return (
    <p className="mt-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
      Past its threshold: not a match.{' '}
      <span className="font-normal">
        {signal.kind === 'classifier'
          ? 'The score is below the rule’s threshold.'
          : 'The distance is beyond the list’s limit.'}{' '}
        A matcher does not raise this; judge the item on its other evidence.
      </span>
    </p>
  );
}

/**
 * Why the item was flagged: every signal with its rule, version and evidence; one past its
 * threshold says it is not a match.
 */
export function SignalsPanel({ signals }: { signals: readonly Signal[] }) {
  return (
    <section aria-labelledby="signals-heading">
      <h2 id="signals-heading" className="text-sm font-semibold text-slate-700">
        Signals
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {signals.map((signal, index) => (
          <li
            key={`${signal.ruleId}-${index}`}
            className="rounded-md border border-slate-200 bg-white p-2"
          >
            <span className="font-medium">{signalKindLabels[signal.kind]}</span> · {signal.ruleName}{' '}
            <span className="text-slate-500">v{signal.ruleVersion}</span>
            {pastThreshold(signal) && <PastThresholdNote signal={signal} />}
            <div className="text-slate-700">
              <SignalDetail signal={signal} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
