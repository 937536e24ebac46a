import { memo, useEffect, useImperativeHandle, useRef, type RefObject } from 'react';
import {
  ITEM_PAGE_SIZE,
  itemPageQueryOptions,
  type ItemSelection,
} from '../../../api/endpoints/items.queries';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { formatCount } from '../../../lib/format-count';
import { useNow } from '../../../lib/use-now';
import { listCommands } from '../../../shared/shortcuts/model/command-registry';
import { useCommands } from '../../../shared/shortcuts/model/use-commands';
import { sendingVerdict, useOutbox } from '../../../shared/outbox/model/outbox';
import { usePagedVirtualRows } from '../../../shared/paged-rows/api/use-paged-virtual-rows';
import type { SelectionStore } from '../model/use-url-selection';
import { ItemOption, SelectionListbox } from './item-option';
import { PrefetchNeighbours } from './prefetch-neighbours';

export interface ListNavigation {
  /** Selects the next item; returns its id (none at the end of what is loaded). */
  next: () => string | undefined;
}

const ROW_HEIGHT = 40;

/**
 * The virtualized item list: only the rows in view are in the DOM, and only the pages that hold
 * them are fetched, by position. `j`/`k` or the arrow keys move the selection. The list itself
 * does not follow the selection (its rows and its listbox do), so a move renders two rows.
 */
export const ItemList = memo(function ItemList({
  selection,
  selectionStore,
  onSelect,
  label,
  navigation,
  userId,
}: {
  selection: ItemSelection;
  selectionStore: SelectionStore;
  onSelect: (itemId: string) => void;
  label: string;
  /** Lets the workspace move on to the next item after a decision. */
  navigation?: RefObject<ListNavigation | null>;
  /** Whose shortcut switch the keys obey. */
  userId: string;
}) {
  const now = useNow();
  const outbox = useOutbox((o) => o.entries);
  const { scrollRef, first, total, virtualizer, virtualRows, rowAt } = usePagedVirtualRows({
    pageQuery: (page) => itemPageQueryOptions(selection, page),
    rowsOf: (page) => page.items,
    pageSize: ITEM_PAGE_SIZE,
    rowHeight: ROW_HEIGHT,
    overscan: 8,
  });
  const loadedRows = virtualRows.flatMap((v) => {
    const row = rowAt(v.index);
    return row ? [{ index: v.index, row }] : [];
  });
  const shown = new Set(loadedRows.map((r) => r.row.id));
  const indexOf = (itemId: string | undefined) =>
    loadedRows.find((r) => r.row.id === itemId)?.index;

  // j/k and the arrows move through the list, wherever the focus is (the list's commands).
  const move = useRef<(delta: number) => string | undefined>(() => undefined);
  // Assigned in render: the key listener and the workspace's `next` call it only after a commit,
  // so they always see the rows of the latest render.
  move.current = (delta: number) => {
    const selectedIndex = indexOf(selectionStore.getState().selected);
    const target =
      selectedIndex === undefined
        ? loadedRows[0]
        : loadedRows.find((r) => r.index === selectedIndex + delta);
    if (!target) return undefined;
    onSelect(target.row.id);
    // Scroll just enough to show the row, before the update is rendered (while the layout is
    // still clean); the virtualizer follows the scroll event. Its own scrollToIndex would read the
    // layout back in the middle of the next commit.
    const scroller = scrollRef.current;
    const top = target.index * ROW_HEIGHT;
    if (scroller && top < scroller.scrollTop) scroller.scrollTop = top;
    else if (scroller && top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    return target.row.id;
  };
  // Keys pressed while this view's first rows load wait for them, in order, not dropped; moves
  // waiting for a view the analyst has since left are dropped.
  const keyMove = useRef<(delta: number) => void>(() => undefined);
  const waiting = useRef<{ selection: ItemSelection; moves: number[] } | null>(null);
  keyMove.current = (delta: number) => {
    if (!first.isPending) return void move.current(delta);
    if (waiting.current?.selection !== selection) waiting.current = { selection, moves: [] };
    waiting.current.moves.push(delta);
  };
  useEffect(() => {
    if (waiting.current === null || first.isPending) return;
    // Loaded, but not yet laid out: the rows in view come with the next render.
    if (first.isSuccess && total > 0 && loadedRows.length === 0) return;
    const { selection: waitedFor, moves } = waiting.current;
    waiting.current = null;
    // Rows that did not come (an error, an empty view) have nothing to move to.
    if (waitedFor === selection) for (const delta of moves) move.current(delta);
  });
  useImperativeHandle(navigation, () => ({ next: () => move.current(1) }), []);
  useCommands(userId, listCommands, ['list'], () => ({
    move: (delta) => keyMove.current(delta),
  }));

  if (first.isPending) return <LoadingState label="Loading items…" />;
  if (first.isError) {
    return (
      <ErrorState
        title="Could not load the items"
        error={first.error}
        onRetry={() => void first.refetch()}
      />
    );
  }
  if (total === 0) return <p className="p-4 text-sm text-slate-600">No items match this view.</p>;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <p className="px-3 py-1 text-xs text-slate-600" aria-live="polite">
        {formatCount(total)} items
      </p>
      <PrefetchNeighbours selectionStore={selectionStore} rows={loadedRows} />
      <SelectionListbox ref={scrollRef} label={label} selectionStore={selectionStore} shown={shown}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((virtualRow) => {
            const row = rowAt(virtualRow.index);
            return (
              <ItemOption
                key={virtualRow.key}
                row={row}
                index={virtualRow.index}
                start={virtualRow.start}
                size={virtualRow.size}
                total={total}
                now={now}
                sending={row ? sendingVerdict(outbox, row.id) : null}
                userId={userId}
                selectionStore={selectionStore}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </SelectionListbox>
    </div>
  );
});
