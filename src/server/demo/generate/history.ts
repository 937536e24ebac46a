import type { Decision, Verdict } from '../../../api/schemas/decision';
import type { ItemStatus, Signal } from '../../../api/schemas/item';
import type { User } from '../../../api/schemas/user';
import type { Random } from '../random';
import { dismissReasons, reviewers, supervisors } from './catalog';

export interface HistoryStep {
  verdict: Verdict;
  stage: Decision['stage'];
  actor: User;
}

const noHistory: HistoryStep[] = [];
/** A second reviewer's disagreeing dismissal. */
const falseMatch: Verdict = { kind: 'dismiss', reason: 'adult_content' };

/** A first reviewer's dismissal that went to a second review for quality control. */
const sampledDismissal: Verdict = { kind: 'dismiss', reason: 'non_sexual' };

/**
 * The decisions that would have led to the seeded status, in order. `disagreement` (chosen by the
 * caller without drawing from `r`, so the rest of the data stays as it was) makes the second
 * review disagree with the first where the status allows: then a supervisor decided, or still
 * has to. `dismissedFirst` (chosen the same way) makes an item awaiting its second review one
 * whose first review dismissed it, as a share of dismissals do.
 */
export function historyFor(
  r: Random,
  status: ItemStatus,
  signal: Signal,
  hashOnly: boolean,
  disagreement = false,
  dismissedFirst = false,
): HistoryStep[] {
  if (status === 'pending') return noHistory;
  const first = r.pick(reviewers);
  const second = r.pick(reviewers.filter((u) => u.id !== first.id));
  const confirm: Verdict = {
    kind: 'confirm',
    classification: hashOnly ? null : r.pick(['A1', 'A2', 'B1', 'B2'] as const),
    annotations: [],
  };
  switch (status) {
    case 'awaiting_second_review':
      return [
        { verdict: dismissedFirst ? sampledDismissal : confirm, stage: 'first', actor: first },
      ];
    case 'confirmed':
      return [
        { verdict: confirm, stage: 'first', actor: first },
        disagreement
          ? { verdict: falseMatch, stage: 'second', actor: second }
          : { verdict: confirm, stage: 'second', actor: second },
        ...(disagreement
          ? [{ verdict: confirm, stage: 'supervisor' as const, actor: supervisors[0] ?? first }]
          : []),
      ];
    case 'escalated':
      if (disagreement) {
        return [
          { verdict: confirm, stage: 'first', actor: first },
          { verdict: falseMatch, stage: 'second', actor: second },
        ];
      }
      return [
        {
          verdict: { kind: 'escalate', reason: 'Unsure of age; needs a supervisor.' },
          stage: 'first',
          actor: first,
        },
      ];
    case 'dismissed': {
      const dismiss: Verdict = { kind: 'dismiss', reason: r.pick(dismissReasons) };
      const ncmecHash = signal.kind === 'hash_match' && signal.hashList === 'ncmec';
      // Dismissing an NCMEC hash match takes a second review; a supervisor may also have ruled.
      return ncmecHash
        ? [
            { verdict: dismiss, stage: 'first', actor: first },
            disagreement
              ? { verdict: confirm, stage: 'second', actor: second }
              : { verdict: dismiss, stage: 'second', actor: second },
            ...(disagreement
              ? [{ verdict: dismiss, stage: 'supervisor' as const, actor: supervisors[0] ?? first }]
              : []),
          ]
        : r.chance(0.1)
          ? [{ verdict: dismiss, stage: 'supervisor', actor: r.pick(supervisors) }]
          : [{ verdict: dismiss, stage: 'first', actor: first }];
    }
  }
}
