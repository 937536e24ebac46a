import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AUDIT_PAGE_SIZE, auditPageQueryOptions } from '../../../api/endpoints/audit.queries';
import { itemQueryOptions, itemsKey } from '../../../api/endpoints/items.queries';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { auditSentence } from '../model/audit-sentence';
import { EventJson } from './event-json';

/**
 * Everything the audit log holds about one item, oldest first: flagging, claims, views, reveals
 * and their ends, decisions — who saw what and who decided what, a sentence each, with the
 * event's canonical JSON one click away. The log holds the first verdict,
 * so for a reader who may still make the item's blind second review it stays closed until they
 * choose to read it, knowing that reading it leaves that review to someone else.
 */
export function ItemTimeline({ itemId }: { itemId: string }) {
  const detail = useQuery(itemQueryOptions(itemId));
  const [chosen, setChosen] = useState(false);
  const bars = detail.data?.readingTimelineBars;
  const waitingAgain = detail.data?.item.status === 'pending';
  const open = bars === false || chosen;
  return (
    <section aria-labelledby="timeline-heading" className="mt-6 space-y-2">
      <h2 id="timeline-heading" className="text-sm font-semibold text-slate-700">
        Timeline from the audit log
      </h2>
      {bars === true && !chosen && (
        <div className="space-y-2 text-sm text-slate-700">
          {waitingAgain ? (
            <p>
              A decision on this item was taken back, and its timeline holds that verdict: once you
              read it, the item’s next second review must be someone else’s.
            </p>
          ) : (
            <p>
              This item awaits a blind second review that you may make. Its timeline holds the first
              verdict: once you read it, the second review must be someone else’s.
            </p>
          )}
          <Button variant="secondary" onClick={() => setChosen(true)}>
            Read the timeline and leave the second review to someone else
          </Button>
        </div>
      )}
      {open && <TimelineEvents itemId={itemId} />}
    </section>
  );
}

function TimelineEvents({ itemId }: { itemId: string }) {
  const queryClient = useQueryClient();
  const events = useQuery(auditPageQueryOptions({ subjectId: itemId }, 0));
  const barred = events.data?.secondReviewsBarred.length ?? 0;
  useEffect(() => {
    // Reading it changed what this person may do with the item: read the item again.
    if (barred > 0) void queryClient.invalidateQueries({ queryKey: itemsKey });
  }, [barred, queryClient]);
  if (events.isError)
    return (
      <ErrorState
        title="Could not load the timeline"
        error={events.error}
        onRetry={() => void events.refetch()}
      />
    );
  if (!events.data) return null;
  return (
    <>
      <ol className="space-y-1 text-xs">
        {events.data.events.map((event) => (
          <li key={event.seq} className="grid grid-cols-[4rem_12rem_1fr] gap-2">
            <span className="tabular-nums">#{event.seq}</span>
            <span>{event.at}</span>
            <div>
              <p>{auditSentence(event)}</p>
              <details>
                <summary className="cursor-pointer text-sky-800">
                  JSON<span className="sr-only"> of event {event.seq}</span>
                </summary>
                <EventJson event={event} />
              </details>
            </div>
          </li>
        ))}
      </ol>
      {events.data.total > AUDIT_PAGE_SIZE && (
        <p className="text-xs text-slate-600">
          The first {AUDIT_PAGE_SIZE} of {events.data.total} events; the audit log has them all.
        </p>
      )}
    </>
  );
}
