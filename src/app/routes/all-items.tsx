import { getRouteApi, useRouter } from '@tanstack/react-router';
import { ItemSearch } from '../../features/triage/components/item-search';
import { Workspace } from '../../features/triage/components/workspace';

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
      onSearchChange={change}
      toolbar={
        <ItemSearch value={search.q} onSearch={(q) => void change({ q, item: undefined })} />
      }
    />
  );
}
