import { memo } from 'react';
import type { Verdict } from '../../../api/schemas/decision';
import type { ItemRow as Row } from '../../../api/schemas/item';
import { pastThreshold } from '../../../domain/signal-threshold';
import { Badge } from '../../../components/ui/badge';
import { priorityStyles, signalKindLabels, statusStyles } from '../model/labels';
import { holderName } from '../model/holder';
import { slaDueText } from '../model/sla-due';
import { thisWindowId } from '../model/window-id';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function topSignalText(signal: Row['topSignal']): string {
  switch (signal.kind) {
    case 'hash_match':
      return `${signal.hashList.toUpperCase()} ${signal.algorithm} d=${signal.distance}`;
    case 'classifier':
      return `${signal.ruleName.split(' ')[0] ?? 'clf'} ${signal.score.toFixed(2)}`;
    case 'text_rule':
    case 'heuristic':
      return signalKindLabels[signal.kind];
  }
}

const decidedLabels: Record<Verdict['kind'], string> = {
  confirm: 'Confirmed',
  dismiss: 'Dismissed',
  escalate: 'Escalated',
};

/**
 * One line of the list: priority, id, top signal (marked when past its threshold), status (with the SLA while the item waits for its
 * first decision), provenance completeness, holder. Memoised:
 * moving the selection re-renders only the row wrappers whose selection changed. `sending` is the
 * caller's decision on the item that the server has not recorded yet, shown in place of the holder.
 */
export const ItemRowContent = memo(function ItemRowContent({
  row,
  now,
  sending,
  userId,
}: {
  row: Row;
  now: Date;
  sending: Verdict | null;
  /** The reader: their own lease reads as theirs, here or in another window. */
  userId: string;
}) {
  const status = statusStyles[row.status];
  const sla = slaDueText(row, now);
  return (
    <>
      <Badge {...priorityStyles[row.priority]} size="column" />
      <span className="w-28 shrink-0 font-mono text-xs">{row.id}</span>
      <span className="flex min-w-0 flex-1 flex-col items-start text-xs leading-4">
        <span className="max-w-full truncate">{topSignalText(row.topSignal)}</span>
        {pastThreshold(row.topSignal) && (
          <span className="rounded bg-amber-100 px-1 text-[11px] font-semibold text-amber-950">
            <span className="sr-only">, </span>past threshold
          </span>
        )}
      </span>
      <span className="flex w-28 shrink-0 flex-col items-start gap-0.5 text-xs leading-4">
        <Badge label={status.short} className={status.className} size="row" />
        {sla && (
          <span className={sla.overdue ? 'font-semibold text-red-800' : 'text-slate-600'}>
            <span className="sr-only">, </span>
            {sla.text}
          </span>
        )}
      </span>
      <span
        className="w-10 shrink-0 text-right text-xs text-slate-700"
        title="Report fields of the provenance present"
      >
        {row.completeness.present}/{row.completeness.total}
      </span>
      {sending ? (
        <span
          className="w-20 shrink-0 truncate text-right text-xs font-semibold text-amber-900"
          title="Your decision, not yet recorded by the server"
        >
          {decidedLabels[sending.kind]}…
        </span>
      ) : (
        <span className="w-20 shrink-0 text-right text-xs leading-4 text-slate-600">
          {row.lease && Date.parse(row.lease.expiresAt) > now.getTime()
            ? capitalised(holderName(row.lease, userId, thisWindowId()))
            : ''}
        </span>
      )}
    </>
  );
});
