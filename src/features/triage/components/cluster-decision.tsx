import { useState } from 'react';
import type { DismissReason } from '../../../api/schemas/decision';
import { type Verdict } from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { stageOf } from '../../../domain/review-rules';
import { useDecideCluster } from '../api/decide-cluster';
import { verdictText } from '../../../domain/decision-labels';
import { DismissReasonSelect } from './verdict-fields';

/**
 * One decision for the item and the undecided items of its cluster, after an explicit
 * confirmation that names the count. The server decides each on its own and reports what it
 * skipped (decided meanwhile, changed, held by someone else).
 */
export function ClusterDecision({
  item,
  others,
}: {
  item: FlaggedItem;
  /** The other items of the cluster waiting for the same review, with the versions shown. */
  others: readonly { id: string; version: number }[];
}) {
  const decide = useDecideCluster(item.id);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'confirm' | 'dismiss'>('confirm');
  const [reason, setReason] = useState<DismissReason>('adult_content');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  // One key per form: sending it again (after a lost answer) decides nothing twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const targets = [{ id: item.id, version: item.version }, ...others];
  const verdict: Verdict =
    kind === 'confirm' ? { kind, classification: null, annotations: [] } : { kind, reason };

  if (decide.isSuccess) {
    const skipped = decide.data.outcomes.filter((o) => o.outcome === 'skipped');
    return (
      <div role="status" className="space-y-1 text-sm">
        <p>
          Decided {decide.data.outcomes.length - skipped.length} of {decide.data.outcomes.length}{' '}
          items: {verdictText(verdict)}.
        </p>
        {skipped.length > 0 && (
          <ul className="list-disc pl-5 text-amber-950">
            {skipped.map((o) => (
              <li key={o.itemId}>
                Skipped <span className="font-mono">{o.itemId}</span>: {o.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  // Nothing left to decide together (the result above outlives this, once decided).
  if (stageOf(item.status) === null || others.length === 0) return null;
  if (!open)
    return (
      <Button onClick={() => setOpen(true)}>
        Decide all {targets.length} items waiting for this review…
      </Button>
    );
  return (
    <form
      aria-label="Decide the cluster"
      className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (!confirming) return setConfirming(true);
        decide.mutate({
          verdict,
          note: note.trim() || null,
          items: targets.map((t) => ({ itemId: t.id, itemVersion: t.version })),
          idempotencyKey,
        });
      }}
    >
      <fieldset className="flex flex-wrap gap-4" disabled={confirming}>
        <legend className="text-xs text-slate-700">Verdict for every item</legend>
        {(['confirm', 'dismiss'] as const).map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input
              type="radio"
              name="cluster-verdict"
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            {option === 'confirm' ? 'Confirm' : 'Dismiss'}
          </label>
        ))}
        {kind === 'dismiss' && <DismissReasonSelect value={reason} onChange={setReason} />}
        <Field label="Note (optional)" className="min-w-60 flex-1">
          {(control) => (
            <Input {...control} value={note} onChange={(event) => setNote(event.target.value)} />
          )}
        </Field>
      </fieldset>
      <p aria-live="polite" className="font-medium empty:hidden">
        {confirming && (
          <>
            Apply “{verdictText(verdict)}” to {targets.length} items — this one and{' '}
            {targets.length - 1} other{targets.length === 2 ? '' : 's'}? Each gets its own decision;
            any decided meanwhile or held by someone else is skipped and reported.
          </>
        )}
      </p>
      {decide.isError && (
        <p role="alert" className="text-red-900">
          {decide.error.status === 0 || decide.error.status >= 500
            ? 'The answer was lost: some items may have been decided. Apply again to finish (nothing is decided twice): '
            : 'Nothing was decided: '}
          {decide.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={decide.isPending}>
          {confirming ? `Apply to ${targets.length} items` : 'Review…'}
        </Button>
        <Button
          variant="quiet"
          onClick={() => (confirming ? setConfirming(false) : setOpen(false))}
        >
          {confirming ? 'Back' : 'Cancel'}
        </Button>
      </div>
    </form>
  );
}
