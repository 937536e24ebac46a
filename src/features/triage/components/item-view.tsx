import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { itemQueryOptions } from '../../../api/endpoints/items.queries';
import { Badge } from '../../../components/ui/badge';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useRecordView } from '../api/record-view';
import { priorityStyles, statusStyles } from '../model/labels';
import { verdictText } from '../../../domain/decision-labels';
import { holderName } from '../model/holder';
import { useSendingVerdict } from '../../../shared/outbox/model/outbox';
import { thisWindowId } from '../model/window-id';
import { ClusterPanel } from './cluster-panel';
import { DecisionHistory } from './decision-history';
import { EscalationSummary } from './escalation-summary';
import { HolderControls } from './holder-controls';
import { MediaPreview } from './media-preview';
import { ProvenancePanel } from './provenance-panel';
import { SignalsPanel } from './signals-panel';

/**
 * One item in full: preview, signals, provenance and decision history. Memoised: a `j`/`k` press
 * repaints the list's selection without rendering the item that is about to be replaced.
 */
export const ItemView = memo(function ItemView({
  itemId,
  reviewer,
  supervisor,
  userId,
}: {
  itemId: string;
  /** Analysts and supervisors: they see (blurred) media and decide; auditors do neither. */
  reviewer: boolean;
  /** Supervisors correct decisions and release or reassign holds. */
  supervisor: boolean;
  userId: string;
}) {
  const detail = useQuery(itemQueryOptions(itemId));
  useRecordView(itemId, detail.isSuccess);
  const sending = useSendingVerdict(itemId);
  if (detail.isPending) return <LoadingState label="Loading the item…" />;
  if (detail.isError) {
    return (
      <ErrorState
        title={
          detail.error.status === 404
            ? `No item ${itemId}`
            : detail.error.status === 0
              ? 'You are offline: the item cannot be loaded until the connection is back'
              : 'Could not load the item'
        }
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const { item, decisions, blindSecondReview } = detail.data;
  return (
    <article aria-labelledby="item-heading" className="space-y-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 id="item-heading" className="font-mono text-lg font-semibold">
          {item.id}
        </h1>
        <Badge {...priorityStyles[item.priority]} />
        <Badge {...statusStyles[item.status]} />
        {sending && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">
            Your decision, not yet recorded: {verdictText(sending)}
          </span>
        )}
        <span className="text-sm text-slate-600">
          flagged {item.flaggedAt} · SLA due {item.slaDueAt} · version {item.version}
          {item.lease
            ? ` · held by ${holderName(item.lease, userId, thisWindowId())} until ${item.lease.expiresAt}`
            : ''}
        </span>
      </header>
      {supervisor && <HolderControls item={item} userId={userId} />}
      {item.status === 'escalated' && <EscalationSummary decisions={decisions} />}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <MediaPreview item={item} canSeeMedia={reviewer} userId={userId} />
          <SignalsPanel signals={item.signals} />
          <ClusterPanel item={item} canDecide={reviewer} userId={userId} />
          <DecisionHistory
            item={item}
            decisions={decisions}
            blind={blindSecondReview}
            canCorrect={supervisor}
            userId={userId}
          />
        </div>
        <ProvenancePanel item={item} />
      </div>
    </article>
  );
});
