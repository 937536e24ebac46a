import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** How long the selection rests before the URL is rewritten to match it. */
export const URL_WRITE_DELAY_MS = 250;

/**
 * The selected item of one workspace, in a store of its own: what reads it subscribes to the
 * part it shows (a row to whether it is the one selected), so a move renders those parts only.
 */
export type SelectionStore = StoreApi<{ selected: string | undefined }>;

/**
 * The selected item, shown at once from the store and mirrored into the URL a moment later: a
 * router navigation on every `j`/`k` press costs several frames, and the URL only needs to be
 * right when someone copies or reloads it. Selecting renders nothing of the caller's own. A URL
 * change made elsewhere (a link, back/forward, "Start reviewing", a filter that clears the
 * selection) is adopted, unless a write of ours is still on its way — that write lands after
 * it, so the two would disagree only for a moment.
 */
export function useUrlSelection(
  urlItem: string | undefined,
  writeUrl: (item: string | undefined) => Promise<void>,
) {
  const [store] = useState<SelectionStore>(() =>
    createStore<{ selected: string | undefined }>()(() => ({ selected: urlItem })),
  );
  const writing = useRef<object | null>(null);
  const seenUrlItem = useRef(urlItem);
  useLayoutEffect(() => {
    if (urlItem === seenUrlItem.current) return;
    seenUrlItem.current = urlItem;
    if (writing.current === null) store.setState({ selected: urlItem });
  }, [urlItem, store]);

  const write = useRef(writeUrl);
  useEffect(() => {
    write.current = writeUrl;
  });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const select = useCallback(
    (item: string | undefined) => {
      const token = {};
      store.setState({ selected: item });
      writing.current = token;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void write.current(item).finally(() => {
          if (writing.current === token) writing.current = null;
        });
      }, URL_WRITE_DELAY_MS);
    },
    [store],
  );
  /** Forget a write not yet made: the caller is about to change the URL itself. */
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    writing.current = null;
  }, []);
  return { store, select, cancel };
}
