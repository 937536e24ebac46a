import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { clusterQueryOptions } from '../../../api/endpoints/clusters.queries';
import type { FlaggedItem } from '../../../api/schemas/item';
import { DefangedUrl } from '../../../components/ui/defanged-url';
import { ErrorState } from '../../../components/ui/error-state';
import { stageOf } from '../../../domain/review-rules';
import { holderName } from '../model/holder';
import { statusStyles } from '../model/labels';
import { thisWindowId } from '../model/window-id';
import { ClusterDecision } from './cluster-decision';

/**
 * The items that share this one's file (SHA-256) or look nearly the same (PDQ), across suppliers
 * and datasets, with their provenance; reviewers may decide the undecided ones together.
 */
export function ClusterPanel({
  item,
  canDecide,
  userId,
}: {
  item: FlaggedItem;
  canDecide: boolean;
  /** The reader: their own lease reads as theirs. */
  userId: string;
}) {
  const cluster = useQuery(clusterQueryOptions(item.id));
  if (cluster.isPending) return null;
  if (cluster.isError)
    return (
      <ErrorState
        title="Could not load the item’s cluster"
        error={cluster.error}
        onRetry={() => void cluster.refetch()}
      />
    );
  const { members, maxPdqDistance } = cluster.data;
  // Decided together: the members waiting for the same review as this item.
  const sameStage = members
    .filter(
      (m) => stageOf(m.item.status) !== null && stageOf(m.item.status) === stageOf(item.status),
    )
    .map((m) => ({ id: m.item.id, version: m.item.version }));
  return (
    <section aria-labelledby="cluster-heading" className="space-y-2">
      <h2 id="cluster-heading" className="text-sm font-semibold text-slate-700">
        {members.length === 0
          ? 'No other item in this cluster'
          : `${members.length} other item${members.length === 1 ? '' : 's'} in this cluster`}
      </h2>
      <p className="text-xs text-slate-600">
        Same file (SHA-256), or an image within PDQ distance {maxPdqDistance} of this one.
      </p>
      {members.length > 0 && (
        <table className="w-full text-left text-xs">
          <thead className="text-slate-600">
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Match</th>
              <th scope="col">Status</th>
              <th scope="col">Provenance</th>
            </tr>
          </thead>
          <tbody>
            {members.map(({ item: other, match, distance, provenance }) => (
              <tr key={other.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-2 font-normal">
                  <Link
                    to="/items/$itemId"
                    params={{ itemId: other.id }}
                    className="font-mono text-sky-800 hover:underline"
                  >
                    {other.id}
                  </Link>
                </th>
                <td className="py-1 pr-2">
                  {match === 'sha256' ? 'Same file' : `PDQ distance ${distance}`}
                </td>
                <td className="py-1 pr-2">
                  {statusStyles[other.status].label}
                  {other.lease && ` · held by ${holderName(other.lease, userId, thisWindowId())}`}
                </td>
                <td className="py-1">
                  {provenance.supplier.name} ·{' '}
                  {provenance.dataset
                    ? `${provenance.dataset.name} ${provenance.dataset.version ?? ''}`
                    : 'no dataset'}{' '}
                  · batch {provenance.batchId ?? 'unknown'}
                  {provenance.sourceUrls[0] && (
                    <DefangedUrl
                      url={provenance.sourceUrls[0]}
                      subject={{ type: 'item', id: other.id }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canDecide && <ClusterDecision key={item.id} item={item} others={sameStage} />}
    </section>
  );
}
