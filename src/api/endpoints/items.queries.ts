import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { itemEndpoints } from './items';
import type { AllItemsQuery } from '../schemas/item';

/** Everything cached about items starts with this key: invalidate it after any item changes. */
export const itemsKey = ['items'] as const;

/**
 * One item with its decisions. Reading it records nothing, so it may be prefetched; the view is
 * recorded apart (`recordItemView`, once the item is painted before a person).
 */
export const itemQueryOptions = (itemId: string) =>
  queryOptions({
    queryKey: [...itemsKey, 'detail', itemId],
    queryFn: ({ signal }) => apiRequest(itemEndpoints.getItem, { params: { itemId }, signal }),
    staleTime: 60_000,
  });

/** The filters, sort and search that select a list of items (a queue's, or all). */
type Selectable = Omit<AllItemsQuery, 'cursor' | 'offset' | 'limit'>;
export type ItemSelection = { [K in keyof Selectable]?: Selectable[K] | undefined };

/** Rows per page of a list; pages are addressed by position. */
export const ITEM_PAGE_SIZE = 100;

/** Page `page` of a selection: rows `page * ITEM_PAGE_SIZE` onwards. */
export const itemPageQueryOptions = (selection: ItemSelection, page: number) =>
  queryOptions({
    queryKey: [...itemsKey, 'page', selection, page],
    queryFn: ({ signal }) =>
      apiRequest(itemEndpoints.listItems, {
        query: { ...selection, offset: page * ITEM_PAGE_SIZE, limit: ITEM_PAGE_SIZE },
        signal,
      }),
    staleTime: 15_000,
  });

/** The suppliers and rules to filter by; they change rarely. */
export const filterCatalogQueryOptions = () =>
  queryOptions({
    queryKey: ['filter-catalog'],
    queryFn: ({ signal }) => apiRequest(itemEndpoints.getFilterCatalog, { signal }),
    staleTime: 10 * 60_000,
  });
