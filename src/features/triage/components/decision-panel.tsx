import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { itemQueryOptions } from '../../../api/endpoints/items.queries';
import type { Role, User } from '../../../api/schemas/user';
import { reviewRefusal, reviewedBy, stageOf, type ReviewStage } from '../../../domain/review-rules';
import { useDecide } from '../../../shared/outbox/api/decide-item';
import { useItemClaim } from '../api/item-claim';
import { useSendingVerdict } from '../../../shared/outbox/model/outbox';
import type { SelectionStore } from '../model/use-url-selection';
import { thisWindowId } from '../model/window-id';
import { Button } from '../../../components/ui/button';
import { DecisionBar } from './decision-bar';

const stageTitles: Record<ReviewStage, string> = {
  first: 'First review',
  second: 'Second review (blind): the first verdict is hidden until you decide',
  supervisor: 'Supervisor decision: final, with a written rationale',
};

/**
 * For an analyst or supervisor: holds the open item while it waits for a review they may make
 * (claim, renewal, release) and decides it; after a decision the next item opens at once while
 * the outbox sends this one. Memoised: a move of the selection does not render it; a decision
 * asked for once the selection has moved on is refused (`isSuperseded`), as it was meant for the
 * item about to replace this one.
 */
export const DecisionPanel = memo(function DecisionPanel({
  itemId,
  user,
  selectionStore,
  onDecided,
}: {
  itemId: string;
  user: User & { role: Role };
  /** The workspace's selection: once it has moved on, this item decides nothing more. */
  selectionStore: SelectionStore;
  onDecided: () => void;
}) {
  const detail = useQuery(itemQueryOptions(itemId));
  const item = detail.data?.item;
  const stage = item ? stageOf(item.status) : null;
  const alreadyReviewed = item ? reviewedBy(item.status, detail.data?.decisions ?? []) : [];
  const readFirstVerdict = detail.data?.secondReviewBarred ? [user.id] : [];
  const mayReview =
    stage !== null &&
    reviewRefusal({ stage, reviewer: user, reviewedBy: alreadyReviewed, readFirstVerdict }) ===
      null;
  const claim = useItemClaim(itemId, mayReview, { userId: user.id, lease: item?.lease ?? null });
  const decide = useDecide(user.id);
  const sending = useSendingVerdict(itemId) !== null;
  if (!item) return null;
  // A lease that ran out while it could not be renewed still lets the reviewer decide: the decision
  // waits in the outbox, and is refused if someone else decided the item first.
  const heldByMe = claim.kind === 'held' || claim.kind === 'lapsed';
  return (
    <div className="space-y-2">
      {stage && <h2 className="text-sm font-semibold text-slate-800">{stageTitles[stage]}</h2>}
      <p className="text-sm text-slate-700" aria-live="polite">
        {claim.kind === 'held' && (
          <>
            Held by you until {new Date(claim.lease.expiresAt).toLocaleTimeString('en-GB')} (renewed
            while open)
          </>
        )}
        {claim.kind === 'elsewhere' && (
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              Held by you (another window)
              {item.lease
                ? ` until ${new Date(item.lease.expiresAt).toLocaleTimeString('en-GB')}`
                : ''}
              . Decide it there, or take it over here.
            </span>
            <Button onClick={claim.takeOver}>Take over here</Button>
          </span>
        )}
        {claim.kind === 'lapsed' && (
          <span className="text-amber-900">
            Your hold on this item ran out at{' '}
            {new Date(claim.lease.expiresAt).toLocaleTimeString('en-GB')}: it could not be renewed (
            {claim.error === null
              ? 'no answer in time'
              : claim.error.status === 0
                ? 'no answer from the server'
                : claim.error.message}
            ). Trying again; a decision made now is sent then, unless someone else decides the item
            first.
          </span>
        )}
        {claim.kind === 'refused' && <span className="text-red-900">{claim.error.message}</span>}
        {claim.kind === 'offline' && (
          <span className="text-amber-900">
            You are offline: this item cannot be claimed until the connection is back. Decisions
            already made are kept and sent then.
          </span>
        )}
      </p>
      <DecisionBar
        item={item}
        state={{
          role: user.role,
          userId: user.id,
          reviewedBy: alreadyReviewed,
          readFirstVerdict,
          item,
          heldByMe,
          windowId: thisWindowId(),
          sending,
        }}
        isSuperseded={() => selectionStore.getState().selected !== itemId}
        onDecide={(request) => {
          decide(item.id, request, stage !== 'second');
          onDecided();
        }}
      />
    </div>
  );
});
