import { useState } from 'react';
import type {
  Decision,
  DismissReason,
  IndustryClassification,
} from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { Textarea } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { useCorrectDecision } from '../api/correct-decision';
import { ClassificationSelect, DismissReasonSelect } from './verdict-fields';

/**
 * A supervisor's correction of one decision: the corrected verdict and a written rationale. It is
 * recorded as a new decision that supersedes the old one.
 */
export function CorrectionForm({
  item,
  decision,
  onClose,
}: {
  item: FlaggedItem;
  decision: Decision;
  onClose: () => void;
}) {
  const correct = useCorrectDecision(item.id);
  const [kind, setKind] = useState<'confirm' | 'dismiss'>(
    decision.verdict.kind === 'confirm' ? 'dismiss' : 'confirm',
  );
  const [classification, setClassification] = useState<IndustryClassification | ''>('');
  const [reason, setReason] = useState<DismissReason>('adult_content');
  const [rationale, setRationale] = useState('');
  return (
    <form
      aria-label={`Correct ${decision.id}`}
      className="mt-2 space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        correct.mutate(
          {
            supersedes: decision.id,
            verdict:
              kind === 'confirm'
                ? { kind, classification: classification || null, annotations: [] }
                : { kind, reason },
            rationale,
            itemVersion: item.version,
            idempotencyKey: crypto.randomUUID(),
          },
          { onSuccess: onClose },
        );
      }}
    >
      <fieldset className="flex flex-wrap gap-4">
        <legend className="text-xs text-slate-700">Corrected verdict</legend>
        {(['confirm', 'dismiss'] as const).map((option) => (
          <label key={option} className="flex items-center gap-1">
            <input
              type="radio"
              name={`correction-${decision.id}`}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            {option === 'confirm' ? 'Confirm' : 'Dismiss'}
          </label>
        ))}
      </fieldset>
      {kind === 'confirm' ? (
        <ClassificationSelect value={classification} onChange={setClassification} />
      ) : (
        <DismissReasonSelect value={reason} onChange={setReason} />
      )}
      <Field label="Rationale (required)">
        {(control) => (
          <Textarea
            {...control}
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
            required
            rows={2}
          />
        )}
      </Field>
      {correct.isError && (
        <p role="alert" className="text-sm text-red-900">
          Not corrected: {correct.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!rationale.trim() || correct.isPending}>
          Record correction
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
