import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { myEscalationsQueryOptions } from '../../../api/endpoints/queues.queries';
import type { MyEscalation } from '../../../api/schemas/escalation';
import { ErrorState } from '../../../components/ui/error-state';
import { statusStyles } from '../model/labels';
import { verdictText } from '../../../domain/decision-labels';

function outcome({ status, resolution }: MyEscalation): string {
  if (resolution)
    return `${verdictText(resolution.verdict)} by ${resolution.actor.name}${
      resolution.note ? `: ${resolution.note}` : ''
    }`;
  return status === 'escalated' ? 'Waiting for a supervisor' : statusStyles[status].label;
}

/** What the reviewer sent to the supervisors — escalations and disagreements — and the outcome. */
export function MyEscalations() {
  const escalations = useQuery(myEscalationsQueryOptions());
  if (escalations.isPending) return null;
  if (escalations.isError)
    return (
      <ErrorState
        title="Could not load your escalations"
        error={escalations.error}
        onRetry={() => void escalations.refetch()}
      />
    );
  const rows = escalations.data.escalations;
  return (
    <section aria-labelledby="my-escalations-heading" className="mt-8">
      <h2 id="my-escalations-heading" className="text-lg font-semibold">
        Sent to the supervisors by you
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing you escalated is on record.</p>
      ) : (
        <table className="mt-2 w-full border-collapse rounded-lg bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Item
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Why
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Outcome
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.itemId}-${row.escalatedAt}`}
                className="border-b border-slate-100 last:border-0"
              >
                <th scope="row" className="px-4 py-2 font-normal">
                  <Link
                    to="/items/$itemId"
                    params={{ itemId: row.itemId }}
                    className="font-mono text-sky-800 hover:underline"
                  >
                    {row.itemId}
                  </Link>
                  <span className="block text-xs text-slate-600">{row.escalatedAt}</span>
                </th>
                <td className="px-4 py-2">
                  {row.kind === 'escalated'
                    ? `Escalated: ${row.reason ?? ''}`
                    : 'Your second review disagreed with the first'}
                </td>
                <td className="px-4 py-2">{outcome(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
