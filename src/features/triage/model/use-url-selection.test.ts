// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { URL_WRITE_DELAY_MS, useUrlSelection } from './use-url-selection';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function workspace(urlItem: string | undefined) {
  const written: (string | undefined)[] = [];
  const writeUrl = (item: string | undefined) => {
    written.push(item);
    return Promise.resolve();
  };
  const renders = { count: 0 };
  const hook = renderHook(
    ({ url }: { url: string | undefined }) => {
      renders.count += 1;
      return useUrlSelection(url, writeUrl);
    },
    { initialProps: { url: urlItem } },
  );
  return { hook, written, renders };
}

test('a move is in the store at once, renders nothing of the caller, and reaches the URL once it rests', async () => {
  const { hook, written, renders } = workspace('itm_a');
  const { store, select } = hook.result.current;
  const before = renders.count;
  act(() => select('itm_b'));
  act(() => select('itm_c'));
  expect(store.getState().selected).toBe('itm_c');
  expect(renders.count).toBe(before);
  expect(written).toEqual([]);
  await act(() => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY_MS));
  expect(written).toEqual(['itm_c']);
});

test('a URL changed elsewhere is adopted, unless a write of ours is on its way', async () => {
  const { hook } = workspace('itm_a');
  const { store, select } = hook.result.current;
  hook.rerender({ url: 'itm_link' });
  expect(store.getState().selected).toBe('itm_link');

  act(() => select('itm_mine'));
  hook.rerender({ url: 'itm_elsewhere' });
  expect(store.getState().selected).toBe('itm_mine');
  await act(() => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY_MS));
  hook.rerender({ url: 'itm_mine' });
  hook.rerender({ url: 'itm_back' });
  expect(store.getState().selected).toBe('itm_back');
});

test('a write cancelled is never made, and the URL the caller writes next is adopted', async () => {
  const { hook, written } = workspace('itm_a');
  const { store, select, cancel } = hook.result.current;
  act(() => select('itm_b'));
  act(() => cancel());
  hook.rerender({ url: undefined });
  await act(() => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY_MS * 2));
  expect(written).toEqual([]);
  expect(store.getState().selected).toBeUndefined();
});
