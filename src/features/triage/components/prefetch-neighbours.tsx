import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { clusterQueryOptions } from '../../../api/endpoints/clusters.queries';
import { itemQueryOptions } from '../../../api/endpoints/items.queries';
import { afterNextPaint } from '../../../lib/after-paint';
import type { SelectionStore } from '../model/use-url-selection';

/**
 * Fetches the items next to the selection ahead, with their clusters, once the move is painted, so
 * moving on (or deciding) shows the next item at once and sends no request while it is painted.
 * Reading an item or its cluster records nothing; showing the item does. Renders nothing: it
 * follows the selection so that the list need not.
 */
export function PrefetchNeighbours({
  selectionStore,
  rows,
}: {
  selectionStore: SelectionStore;
  /** The loaded rows in view, by position. */
  rows: readonly { index: number; row: { id: string } }[];
}) {
  const selected = useStore(selectionStore, (s) => s.selected);
  const at = rows.find((r) => r.row.id === selected)?.index;
  const neighbours = rows
    .filter((r) => at !== undefined && Math.abs(r.index - at) <= 2)
    .map((r) => r.row.id)
    .join(' ');
  const queryClient = useQueryClient();
  useEffect(
    () =>
      afterNextPaint(() => {
        for (const id of neighbours.split(' ').filter(Boolean)) {
          queryClient.query(itemQueryOptions(id)).catch(() => undefined);
          queryClient.query(clusterQueryOptions(id)).catch(() => undefined);
        }
      }),
    [neighbours, queryClient],
  );
  return null;
}
