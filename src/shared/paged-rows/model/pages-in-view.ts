/**
 * A long list fetched by position, a page at a time: which pages the rows in view need, and where
 * a row is on them. Pure, so the list's fetching can be read (and tested) apart from React.
 */

/** The page that holds row `index`, and the row's place on it. */
export const rowPlace = (index: number, pageSize: number) => ({
  page: Math.floor(index / pageSize),
  offset: index % pageSize,
});

/** The pages that hold the rows at `indexes`: each once, however many of its rows are in view. */
export const pagesInView = (indexes: readonly number[], pageSize: number): number[] => [
  ...new Set(indexes.map((index) => rowPlace(index, pageSize).page)),
];

/**
 * Row `index`, read from the pages in view: `rows[i]` holds the rows of page `pageNumbers[i]`, or
 * is undefined while that page loads. Undefined too for a row whose page is not in view.
 */
export function rowFromPages<Row>(
  index: number,
  pageSize: number,
  pageNumbers: readonly number[],
  rows: readonly (readonly Row[] | undefined)[],
): Row | undefined {
  const { page, offset } = rowPlace(index, pageSize);
  return rows[pageNumbers.indexOf(page)]?.[offset];
}
