import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { queuesQueryOptions } from '../../api/endpoints/queues.queries';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { waitingStatus } from '../../domain/review-rules';
import { StartReviewing, Workspace } from '../../features/triage/public';
import { WellnessMonitor } from '../../features/wellness/public';

const route = getRouteApi('/_signed-in/queues/$queueId');

/**
 * One queue's workspace. It opens on what waits in the queue (its waiting status, which needs the
 * queue's kind: the list waits for the queues, the selected item does not); any other status is
 * a filter in the URL.
 */
export function QueueWorkspaceRoute() {
  const { queueId } = route.useParams();
  const search = route.useSearch();
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
  const router = useRouter();
  const queues = useQuery(queuesQueryOptions());
  const queue = queues.data?.queues.find((q) => q.id === queueId);
  return (
    <Workspace
      title={queue?.name ?? queueId}
      search={search}
      // An id no queue has: its list says so (404), as a link to it should.
      queue={{ id: queueId, waiting: waitingStatus[queue?.kind ?? 'triage'] }}
      listPlaceholder={
        queues.isPending ? (
          <LoadingState label="Loading the queue…" />
        ) : queues.isError ? (
          <ErrorState
            title="Could not load the queue"
            error={queues.error}
            onRetry={() => void queues.refetch()}
          />
        ) : undefined
      }
      user={user}
      monitor={<WellnessMonitor userId={user.id} />}
      toolbar={
        <StartReviewing
          queueId={queueId}
          onOpen={(item) => void navigate({ search: (prev) => ({ ...prev, item }) })}
        />
      }
      onSearchChange={(change) =>
        // The selection reaches the URL a moment late (useUrlSelection): once the analyst has
        // left for another page, writing it would bring them back to a queue without its id.
        router.latestLocation.pathname === `/queues/${encodeURIComponent(queueId)}`
          ? navigate({ search: (prev) => ({ ...prev, ...change }), replace: true })
          : Promise.resolve()
      }
    />
  );
}
