import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { queuesQueryOptions } from '../../api/queries/queues';
import { StartReviewing } from '../../features/triage/components/start-reviewing';
import { Workspace } from '../../features/triage/components/workspace';
import { selectionOf } from '../../features/triage/model/workspace-search';

const route = getRouteApi('/_signed-in/queues/$queueId');

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
      selection={selectionOf(search, queueId)}
      user={user}
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
