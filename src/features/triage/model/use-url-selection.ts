import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the selection rests before the URL is rewritten to match it. */
export const URL_WRITE_DELAY_MS = 250;

/**
 * The selected item, shown at once from local state and mirrored into the URL a moment later: a
 * router navigation on every `j`/`k` press costs several frames, and the URL only needs to be
 * right when someone copies or reloads it. A URL change made elsewhere (a link, back/forward,
 * "Start reviewing", a filter that clears the selection) is adopted, unless a write of ours is
 * still on its way — that write lands after it, so the two would disagree only for a moment.
 */
export function useUrlSelection(
  urlItem: string | undefined,
  writeUrl: (item: string | undefined) => Promise<void>,
) {
  const [selected, setSelected] = useState(urlItem);
  const [seenUrlItem, setSeenUrlItem] = useState(urlItem);
  const [writing, setWriting] = useState<object | null>(null);
  if (urlItem !== seenUrlItem) {
    setSeenUrlItem(urlItem);
    if (writing === null) setSelected(urlItem);
  }

  const write = useRef(writeUrl);
  useEffect(() => {
    write.current = writeUrl;
  });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const select = useCallback((item: string | undefined) => {
    const token = {};
    setSelected(item);
    setWriting(token);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void write.current(item).finally(() => setWriting((w) => (w === token ? null : w)));
    }, URL_WRITE_DELAY_MS);
  }, []);
  /** Forget a write not yet made: the caller is about to change the URL itself. */
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    setWriting(null);
  }, []);
  return { selected, select, cancel };
}
