import { useQuery } from '@tanstack/react-query';
import { AUDIT_PAGE_SIZE, auditPageQueryOptions } from '../../../api/queries/audit';
import { ErrorState } from '../../../components/ui/error-state';
import { canonicalDetail } from '../model/audit-text';

/**
 * Everything the audit log holds about one item, oldest first: flagging, claims, views, reveals
 * and their ends, decisions — who saw what and who decided what.
 */
export function ItemTimeline({ itemId }: { itemId: string }) {
  const events = useQuery(auditPageQueryOptions({ subjectId: itemId }, 0));
  return (
    <section aria-labelledby="timeline-heading" className="mt-6 space-y-2">
      <h2 id="timeline-heading" className="text-sm font-semibold text-slate-700">
        Timeline from the audit log
      </h2>
      {events.isError && (
        <ErrorState
          title="Could not load the timeline"
          error={events.error}
          onRetry={() => void events.refetch()}
        />
      )}
      {events.data && (
        <>
          <ol className="space-y-1 text-xs">
            {events.data.events.map((event) => (
              <li key={event.seq} className="grid grid-cols-[4rem_12rem_12rem_10rem_1fr] gap-2">
                <span className="tabular-nums">#{event.seq}</span>
                <span>{event.at}</span>
                <span className="font-mono">{event.action}</span>
                <span>
                  {event.actor.name} ({event.actor.role})
                </span>
                <span className="truncate font-mono">{canonicalDetail(event)}</span>
              </li>
            ))}
          </ol>
          {events.data.total > AUDIT_PAGE_SIZE && (
            <p className="text-xs text-slate-600">
              The first {AUDIT_PAGE_SIZE} of {events.data.total} events; the audit log has them all.
            </p>
          )}
        </>
      )}
    </section>
  );
}
