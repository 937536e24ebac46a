import { getRouteApi } from '@tanstack/react-router';
import { ItemSearch } from '../../features/triage/components/item-search';
import { Workspace } from '../../features/triage/components/workspace';
import { selectionOf } from '../../features/triage/model/workspace-search';

const route = getRouteApi('/_signed-in/items');

export function AllItemsRoute() {
  const search = route.useSearch();
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
  const change = (next: Partial<typeof search>) =>
    navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  return (
    <Workspace
      title="All items"
      search={search}
      selection={selectionOf(search, undefined)}
      user={user}
      onSearchChange={change}
      toolbar={
        <ItemSearch value={search.q} onSearch={(q) => void change({ q, item: undefined })} />
      }
    />
  );
}
