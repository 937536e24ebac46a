import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { invalidateReviewData } from '../../../api/endpoints/decisions.queries';
import { Button } from '../../../components/ui/button';
import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';
import { useNow } from '../../../lib/use-now';
import { undoLastDecision } from '../api/undo-decision';
import { verdictText } from '../../../domain/decision-labels';
import { keyHint } from '../../shortcuts/model/command';
import { undo, undoCommands } from '../../shortcuts/model/undo-command';
import { useCommands } from '../../shortcuts/model/use-commands';
import { useSingleKeyShortcuts } from '../../wellness-state/model/wellness-choices';
import { undoOffered, useRecentDecision, type RecentDecision } from '../model/recent-decision';

function Offer({ last, userId }: { last: RecentDecision; userId: string }) {
  const now = useNow(250);
  const shortcuts = useSingleKeyShortcuts(userId);
  const run = useCommands(userId, undoCommands, ['anywhere'], () => ({
    offered: undoOffered(useRecentDecision.getState().last, Date.now()),
    undo: () => undoLastDecision(),
  }));
  const left = Math.ceil((last.madeAt + UNDO_OFFER_SECONDS * 1000 - now.getTime()) / 1000);
  if (left <= 0) return null;
  const label = `${undo.label}${keyHint(undo, shortcuts)}`;
  return (
    <p className="flex items-center gap-2">
      <span>
        {verdictText(last.verdict)} — <span className="font-mono">{last.itemId}</span>. Undo
        possible for {UNDO_OFFER_SECONDS} s.
      </span>
      <Button aria-label={label} onClick={() => run(undo)}>
        {label} <span aria-hidden="true">· {left} s</span>
      </Button>
    </p>
  );
}

/**
 * For a few seconds after a decision, the chance to take it back (button or `u`); then how the
 * undo went. Rendered inside the outbox's live region, so both are announced. A decision undone
 * returns its item to the review it waited for.
 */
export function UndoOffer({ userId }: { userId: string }) {
  const last = useRecentDecision((s) => s.last);
  const outcome = useRecentDecision((s) => s.outcome);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (outcome?.ok) invalidateReviewData(queryClient);
  }, [outcome, queryClient]);
  if (last) return <Offer key={last.key} last={last} userId={userId} />;
  if (!outcome) return null;
  return outcome.ok ? (
    <p>
      Undone: <span className="font-mono">{outcome.itemId}</span> is back where it was, with no
      decision.
    </p>
  ) : (
    <p className="text-red-900">
      Could not undo the decision on <span className="font-mono">{outcome.itemId}</span>:{' '}
      {outcome.message}
    </p>
  );
}
