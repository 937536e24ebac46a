import type { PageEvent } from './page-events';

/**
 * A browser for unit tests of the engines: tabs that share one storage — a write in one tab is a
 * `storage` event in each other tab, after the writing task, as in a browser — and one set of
 * exclusive locks (the Web Locks API's shape: src/lib/exclusive-lock.ts); each tab has a page whose
 * focus, visibility and network the test changes (src/lib/page-events.ts).
 */
export function createFakeBrowser() {
  const items = new Map<string, string>();
  const tabs = new Set<FakePage>();
  const locks = createFakeLocks();

  function openTab() {
    const page = createFakePage();
    const tellOthers = (key: string) => {
      for (const other of tabs) if (other !== page) queueMicrotask(() => other.emitStorage(key));
    };
    const storage = {
      get length() {
        return items.size;
      },
      key: (index: number) => [...items.keys()][index] ?? null,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (items.get(key) === value) return;
        items.set(key, value);
        tellOthers(key);
      },
      removeItem: (key: string) => {
        if (items.delete(key)) tellOthers(key);
      },
    };
    tabs.add(page);
    return { page, storage, close: () => void tabs.delete(page) };
  }
  return { items, locks, openTab };
}

/** A page whose events the test sends. */
export function createFakePage() {
  let visible = true;
  const listeners = new Map<PageEvent, Set<() => void>>();
  const storageListeners = new Set<(key: string | null) => void>();
  return {
    on(event: PageEvent, listener: () => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
    onStorage(listener: (key: string | null) => void) {
      storageListeners.add(listener);
      return () => void storageListeners.delete(listener);
    },
    isVisible: () => visible,
    /** The event happens: `visible` and `hidden` change the visibility too. */
    emit(event: PageEvent) {
      if (event === 'visible' || event === 'hidden') visible = event === 'visible';
      for (const listener of [...(listeners.get(event) ?? [])]) listener();
    },
    emitStorage(key: string | null) {
      for (const listener of [...storageListeners]) listener(key);
    },
    /** How many listeners the page has: none once an engine has stopped. */
    listenerCount: () =>
      storageListeners.size + [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}
export type FakePage = ReturnType<typeof createFakePage>;

/** Exclusive locks by name, granted in the order asked, as the Web Locks API grants them. */
export function createFakeLocks() {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    const next = waiting.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  return {
    holds: (name: string) => held.has(name),
    run(name: string, signal: AbortSignal, task: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const start = () => {
          held.add(name);
          task()
            .finally(() => release(name))
            .then(resolve, reject);
        };
        const aborted = () => new DOMException('The request was aborted.', 'AbortError');
        if (signal.aborted) return reject(aborted());
        if (!held.has(name)) return start();
        const queue = waiting.get(name) ?? [];
        waiting.set(name, queue);
        const granted = () => {
          signal.removeEventListener('abort', onAbort);
          start();
        };
        const onAbort = () => {
          queue.splice(queue.indexOf(granted), 1);
          reject(aborted());
        };
        queue.push(granted);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
