import { useCallback, useDeferredValue, useRef, useState, type ReactNode } from 'react';
import type { User } from '../../../api/schemas/user';
import { canDecide } from '../model/commands';
import { useUrlSelection } from '../model/use-url-selection';
import { selectionOf, type QueueScope, type WorkspaceSearch } from '../model/workspace-search';
import { DecisionPanel } from './decision-panel';
import { ItemList, type ListNavigation } from './item-list';
import { ItemView } from './item-view';
import { ListFilters } from './list-filters';

/**
 * The triage workspace: the filtered, virtualized list beside the selected item in full, and for
 * analysts and supervisors the decision bar. The view (filters, sort, search, selection) is the
 * URL's; this component reads it and asks to change it. The selection alone is shown before the
 * URL catches up, so moving through the list never waits for a navigation. The selected item
 * opens at once, even while the list waits (`listPlaceholder`).
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
  const { selected, select, cancel } = useUrlSelection(search.item, (item) =>
    onSearchChange({ item }),
  );
  // Skimming (j/k, clicks): the list's highlight moves in the frame after the key; the item itself
  // follows a frame or two later (a render React may interrupt, and skips while the selection
  // keeps moving). After a decision the next item — prefetched — is shown in the same frame.
  const skimmed = useDeferredValue(selected);
  // The jump a decision made (from the decided item to the next); it lasts while the deferred
  // value still holds the decided item, which must not come back on screen meanwhile.
  const [jump, setJump] = useState<{ from: string | undefined; to: string } | null>(null);
  if (jump && skimmed !== jump.from) setJump(null);
  const shown = jump && skimmed === jump.from ? jump.to : skimmed;
  const onFilterChange = useCallback(
    (change: Partial<WorkspaceSearch>) => {
      cancel();
      void onSearchChange({ ...change, item: undefined });
    },
    [cancel, onSearchChange],
  );
  return (
    <main className="flex h-[calc(100vh-3.5rem)] gap-4 p-4">
      <section aria-label={`${title}: items`} className="flex w-[34rem] shrink-0 flex-col gap-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        {toolbar}
        {listPlaceholder ?? (
          <>
            <ListFilters search={search} queue={queue} onChange={onFilterChange} />
            <ItemList
              selection={selectionOf(search, queue)}
              selectedId={selected}
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
        {shown ? (
          <>
            {reviewer && (
              <DecisionPanel
                key={shown}
                itemId={shown}
                superseded={shown !== selected}
                user={user}
                onDecided={() => {
                  const next = navigation.current?.next();
                  if (next) setJump({ from: selected, to: next });
                }}
              />
            )}
            <ItemView
              itemId={shown}
              reviewer={reviewer}
              supervisor={user.role === 'supervisor'}
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
