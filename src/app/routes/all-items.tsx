import { getRouteApi, useRouter } from '@tanstack/react-router';
import { ItemSearch, Workspace } from '../../features/triage/public';
import { WellnessMonitor } from '../../features/wellness/public';

const route = getRouteApi('/_signed-in/items');

export function AllItemsRoute() {
  const search = route.useSearch();
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
  const router = useRouter();
  const change = (next: Partial<typeof search>) =>
    // The selection reaches the URL a moment late (useUrlSelection): not after the user left.
    router.latestLocation.pathname === '/items'
      ? navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
      : Promise.resolve();
  return (
    <Workspace
      title="All items"
      search={search}
      queue={undefined}
      user={user}
      monitor={<WellnessMonitor userId={user.id} />}
      onSearchChange={change}
      toolbar={
        <ItemSearch value={search.q} onSearch={(q) => void change({ q, item: undefined })} />
      }
    />
  );
}
