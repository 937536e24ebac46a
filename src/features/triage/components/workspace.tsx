import { useRef, type ReactNode } from 'react';
import type { ItemSelection } from '../../../api/queries/items';
import type { User } from '../../../api/schemas/user';
import { canDecide } from '../model/commands';
import type { WorkspaceSearch } from '../model/workspace-search';
import { DecisionPanel } from './decision-panel';
import { ItemList, type ListNavigation } from './item-list';
import { ItemView } from './item-view';
import { ListFilters } from './list-filters';
import { OutboxStatus } from './outbox-status';

/**
 * The triage workspace: the filtered, virtualized list beside the selected item in full, and for
 * analysts and supervisors the decision bar. The view (filters, sort, search, selection) is the
 * URL's; this component only reads and asks to change it.
 */
export function Workspace({
  title,
  search,
  selection,
  onSearchChange,
  user,
  toolbar,
}: {
  title: string;
  search: WorkspaceSearch;
  selection: ItemSelection;
  onSearchChange: (change: Partial<WorkspaceSearch>) => void;
  user: User;
  toolbar?: ReactNode;
}) {
  const navigation = useRef<ListNavigation>(null);
  const reviewer = canDecide(user.role);
  return (
    <main className="flex h-[calc(100vh-3.5rem)] gap-4 p-4">
      <section aria-label={`${title}: items`} className="flex w-[34rem] shrink-0 flex-col gap-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        {toolbar}
        <ListFilters
          search={search}
          onChange={(change) => onSearchChange({ ...change, item: undefined })}
        />
        <ItemList
          selection={selection}
          selectedId={search.item}
          onSelect={(item) => onSearchChange({ item })}
          label={`${title} items`}
          navigation={navigation}
        />
      </section>
      <div className="min-w-0 flex-1 space-y-4 overflow-auto">
        <OutboxStatus />
        {search.item ? (
          <>
            {reviewer && (
              <DecisionPanel
                key={search.item}
                itemId={search.item}
                user={user}
                onDecided={() => navigation.current?.next()}
              />
            )}
            <ItemView
              key={`view-${search.item}`}
              itemId={search.item}
              canSeeMedia={reviewer}
              userId={user.id}
            />
          </>
        ) : (
          <p className="p-4 text-sm text-slate-600">
            Select an item (j/k or the arrow keys move the selection).
          </p>
        )}
      </div>
    </main>
  );
}
