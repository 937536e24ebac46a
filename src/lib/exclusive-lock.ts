/**
 * A lock held by one holder at a time across this browser's tabs: the console passes `webLocks`
 * (the Web Locks API); a unit test passes an in-memory one its "tabs" share.
 */
export interface ExclusiveLock {
  /**
   * Runs `task` once no one else holds `name`, holding it until the task's promise settles.
   * Aborting `signal` gives up waiting (the returned promise then rejects); it does not end a
   * task already running.
   */
  run(name: string, signal: AbortSignal, task: () => Promise<void>): Promise<void>;
}

/** The Web Locks API; a browser without it runs the task at once (one tab, or no coordination). */
export const webLocks: ExclusiveLock = {
  run: async (name, signal, task) => {
    if ('locks' in navigator) await navigator.locks.request(name, { signal }, task);
    else await task();
  },
};
