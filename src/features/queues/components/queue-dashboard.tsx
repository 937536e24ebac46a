import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { queuesQueryOptions } from '../../../api/endpoints/queues.queries';
import type { QueueSummary } from '../../../api/schemas/queue';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { formatCount } from '../../../lib/format-count';
import { formatDuration } from '../../../lib/format-duration';
import { useNow } from '../../../lib/use-now';
import { readSla, slaStateStyles } from '../model/sla';

function SlaCell({ queue, now }: { queue: QueueSummary; now: Date }) {
  const sla = readSla(queue.oldestWaitingSince, queue.slaSeconds, now);
  const style = slaStateStyles[sla.state];
  if (sla.ageSeconds === null) return <span className={style.className}>—</span>;
  return (
    <span className={`rounded px-1.5 py-0.5 ${style.className}`}>
      {formatDuration(sla.ageSeconds)} of {formatDuration(queue.slaSeconds)}
      <span className="sr-only">, </span>
      <span className="ml-2 text-xs">{style.label}</span>
    </span>
  );
}

/**
 * Every queue with what waits in it and how long the oldest has waited against its SLA.
 * `showHeld` is off for roles that hold no items (auditors); they get no triage entry points.
 * `children` follow the table (the reviewer's own escalations).
 */
export function QueueDashboard({
  showHeld,
  children,
}: {
  showHeld: boolean;
  children?: ReactNode;
}) {
  const queues = useQuery(queuesQueryOptions());
  const now = useNow();

  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Queues</h1>
      {queues.isPending && <LoadingState label="Loading queues…" />}
      {queues.isError && (
        <div className="mt-4">
          <ErrorState
            title="Could not load the queues"
            error={queues.error}
            onRetry={() => void queues.refetch()}
          />
        </div>
      )}
      {queues.isSuccess && queues.data.queues.length === 0 && (
        <p className="mt-4 text-slate-600">There are no queues yet.</p>
      )}
      {queues.isSuccess && queues.data.queues.length > 0 && (
        <table className="mt-4 w-full border-collapse rounded-lg bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Queues with pending items and SLA</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Queue
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Pending
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Oldest pending (of SLA)
              </th>
              {showHeld && (
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Held by me
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {queues.data.queues.map((queue) => (
              <tr key={queue.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-4 py-3 font-normal">
                  {showHeld ? (
                    <Link
                      to="/queues/$queueId"
                      params={{ queueId: queue.id }}
                      // A queue opens on what waits in it: the count shown here.
                      className="block font-medium text-sky-800 underline-offset-2 hover:underline"
                    >
                      {queue.name}
                    </Link>
                  ) : (
                    <span className="block font-medium text-slate-900">{queue.name}</span>
                  )}
                  <span className="block text-xs text-slate-600">{queue.description}</span>
                </th>
                <td className="px-4 py-3 text-right tabular-nums">{formatCount(queue.waiting)}</td>
                <td className="px-4 py-3">
                  <SlaCell queue={queue} now={now} />
                </td>
                {showHeld && (
                  <td className="px-4 py-3 text-right tabular-nums">{queue.heldByMe}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </main>
  );
}
