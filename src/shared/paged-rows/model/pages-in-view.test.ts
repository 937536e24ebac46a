import { expect, test } from 'vitest';
import { pagesInView, rowFromPages, rowPlace } from './pages-in-view';

test('a row’s page is its position divided by the page size, its place the remainder', () => {
  expect(rowPlace(0, 100)).toEqual({ page: 0, offset: 0 });
  expect(rowPlace(99, 100)).toEqual({ page: 0, offset: 99 });
  expect(rowPlace(100, 100)).toEqual({ page: 1, offset: 0 });
  expect(rowPlace(1234, 200)).toEqual({ page: 6, offset: 34 });
});

test('rows in view within one page need that page alone', () => {
  expect(pagesInView([40, 41, 42, 43, 44], 100)).toEqual([0]);
});

test('rows in view across a page boundary need both pages, each once', () => {
  const inView = Array.from({ length: 20 }, (_, i) => 90 + i);
  expect(pagesInView(inView, 100)).toEqual([0, 1]);
});

test('a view taller than a page needs every page it crosses, in order', () => {
  const inView = Array.from({ length: 25 }, (_, i) => 8 + i);
  expect(pagesInView(inView, 10)).toEqual([0, 1, 2, 3]);
});

test('no rows in view need no page', () => {
  expect(pagesInView([], 100)).toEqual([]);
});

test('a row is read from its page among the pages in view', () => {
  const pageNumbers = [3, 4];
  const rows = [
    ['a', 'b'],
    ['c', 'd'],
  ];
  expect(rowFromPages(6, 2, pageNumbers, rows)).toBe('a');
  expect(rowFromPages(9, 2, pageNumbers, rows)).toBe('d');
});

test('a row whose page is still loading, or not in view, is not there yet', () => {
  expect(rowFromPages(9, 2, [3, 4], [['a', 'b'], undefined])).toBeUndefined();
  expect(
    rowFromPages(
      0,
      2,
      [3, 4],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ),
  ).toBeUndefined();
});

test('a row past the end of a short last page is not there', () => {
  expect(rowFromPages(5, 4, [1], [['e']])).toBeUndefined();
});
