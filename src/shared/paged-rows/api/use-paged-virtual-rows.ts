import {
  useQueries,
  useQuery,
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { pagesInView, rowFromPages } from '../model/pages-in-view';

/**
 * A virtualized list of rows fetched by position: only the rows in view are rendered, and only the
 * pages that hold them are fetched (each once, whatever number of its rows are in view). Page 0
 * says how many rows there are. `pageQuery` gives a page's query options; `rowsOf` its rows.
 * The list puts `scrollRef` on its scrolling element.
 */
export function usePagedVirtualRows<Page extends { total: number }, Row, Key extends QueryKey>({
  pageQuery,
  rowsOf,
  pageSize,
  rowHeight,
  overscan,
}: {
  pageQuery: (page: number) => UseQueryOptions<Page, DefaultError, Page, Key>;
  rowsOf: (page: Page) => readonly Row[];
  pageSize: number;
  rowHeight: number;
  overscan: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const first = useQuery(pageQuery(0));
  const total = first.data?.total ?? 0;
  // useVirtualizer returns new functions on each render, which the React Compiler would refuse
  // to memoise; this project does not use the compiler, and the list re-renders as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const pageNumbers = pagesInView(
    virtualRows.map((row) => row.index),
    pageSize,
  );
  const pages = useQueries({ queries: pageNumbers.map((page) => pageQuery(page)) });
  const rows = pages.map((page) => (page.data ? rowsOf(page.data) : undefined));
  const rowAt = (index: number): Row | undefined =>
    rowFromPages(index, pageSize, pageNumbers, rows);
  return { scrollRef, first, total, virtualizer, virtualRows, rowAt };
}
