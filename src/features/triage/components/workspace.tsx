import type { ReactNode } from 'react';
import type { ItemSelection } from '../../../api/queries/items';
import type { WorkspaceSearch } from '../model/workspace-search';
import { ItemList } from './item-list';
import { ItemView } from './item-view';
import { ListFilters } from './list-filters';

/**
 * The triage workspace: the filtered, virtualized list beside the selected item in full. The
 * view (filters, sort, search, selection) is the URL's; this component only reads and asks to
 * change it.
 */
export function Workspace({
  title,
  search,
  selection,
  onSearchChange,
  canSeeMedia,
  toolbar,
}: {
  title: string;
  search: WorkspaceSearch;
  selection: ItemSelection;
  onSearchChange: (change: Partial<WorkspaceSearch>) => void;
  canSeeMedia: boolean;
  toolbar?: ReactNode;
}) {
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
        />
      </section>
      <div className="min-w-0 flex-1 overflow-auto">
        {search.item ? (
          <ItemView key={search.item} itemId={search.item} canSeeMedia={canSeeMedia} />
        ) : (
          <p className="p-4 text-sm text-slate-600">
            Select an item (j/k or the arrow keys move the selection).
          </p>
        )}
      </div>
    </main>
  );
}
