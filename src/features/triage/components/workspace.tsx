import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { User } from '../../../api/schemas/user';
import { useSameValue } from '../../../lib/use-same-value';
import { canDecide } from '../model/decision-blocker';
import { useUrlSelection } from '../model/use-url-selection';
import { selectionOf, type QueueScope, type WorkspaceSearch } from '../model/workspace-search';
import { ItemList, type ListNavigation } from './item-list';
import { ListFilters } from './list-filters';
import { SelectedItem } from './selected-item';

/**
 * The triage workspace: the filtered, virtualized list beside the selected item in full, and for
 * analysts and supervisors the decision bar. The view (filters, sort, search, selection) is the
 * URL's; this component reads it and asks to change it. The selection is kept in a store that
 * the list's rows and the item read, and reaches the URL a moment later: a move renders neither
 * this component nor the list, and the URL catching up renders only what the view changes. The
 * selected item opens at once, even while the list waits (`listPlaceholder`).
 */
export function Workspace({
  title,
  search,
  queue,
  onSearchChange,
  user,
  toolbar,
  listPlaceholder,
  monitor,
}: {
  title: string;
  search: WorkspaceSearch;
  /** The queue shown (its items, what waits in it by default); none for all items. */
  queue: QueueScope | undefined;
  onSearchChange: (change: Partial<WorkspaceSearch>) => Promise<void>;
  user: User;
  toolbar?: ReactNode;
  /** Shown instead of the filters and the list while they cannot be shown (the queue loading). */
  listPlaceholder?: ReactNode;
  /** Above the item for analysts and supervisors: the wellness monitor, which the app passes in. */
  monitor?: ReactNode;
}) {
  const navigation = useRef<ListNavigation>(null);
  const reviewer = canDecide(user.role);
  const searchChange = useRef(onSearchChange);
  useEffect(() => {
    searchChange.current = onSearchChange;
  });
  const { store, select, cancel } = useUrlSelection(search.item, (item) =>
    searchChange.current({ item }),
  );
  const { item: _selected, ...filters } = search;
  const view = useSameValue(filters);
  const scope = useSameValue(queue);
  const selection = useSameValue(selectionOf(search, queue));
  const onFilterChange = useCallback(
    (change: Partial<WorkspaceSearch>) => {
      cancel();
      void searchChange.current({ ...change, item: undefined });
    },
    [cancel],
  );
  return (
    <main className="flex h-[calc(100vh-3.5rem)] gap-4 p-4">
      <section aria-label={`${title}: items`} className="flex w-[34rem] shrink-0 flex-col gap-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        {toolbar}
        {listPlaceholder ?? (
          <>
            <ListFilters search={view} queue={scope} onChange={onFilterChange} />
            <ItemList
              selection={selection}
              selectionStore={store}
              onSelect={select}
              label={`${title} items`}
              navigation={navigation}
              userId={user.id}
            />
          </>
        )}
      </section>
      <div className="min-w-0 flex-1 space-y-4 overflow-auto">
        {reviewer && monitor}
        <SelectedItem
          selectionStore={store}
          navigation={navigation}
          user={user}
          reviewer={reviewer}
        />
      </div>
    </main>
  );
}
