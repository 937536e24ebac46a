import { create } from 'zustand';

/**
 * One small JSON record per user in this browser's localStorage (`<prefix><userId>`), held in a
 * zustand store so every component reading it follows every change — also one made in another tab
 * (the `storage` event). Read synchronously on first use, so a component's first render already
 * obeys what the user chose (a preview must never flash before safe mode is known). What is read
 * back is checked by `parse`; nothing else is trusted.
 */
export function createUserRecord<T>(prefix: string, parse: (raw: unknown) => T) {
  const keyOf = (userId: string) => `${prefix}${userId}`;
  const store = create<{ byUser: Readonly<Record<string, T>> }>()(() => ({ byUser: {} }));
  // Records read from storage but not changed since: a stable value for renders to compare.
  const loaded = new Map<string, T>();

  function load(userId: string): T {
    let raw: unknown;
    try {
      const text = localStorage.getItem(keyOf(userId));
      raw = text === null ? undefined : JSON.parse(text);
    } catch {
      raw = undefined; // unreadable: as if nothing were stored
    }
    return parse(raw);
  }

  function loadOnce(userId: string): T {
    const known = loaded.get(userId);
    if (known !== undefined) return known;
    const value = load(userId);
    loaded.set(userId, value);
    return value;
  }

  const read = (userId: string): T => store.getState().byUser[userId] ?? loadOnce(userId);

  function write(userId: string, change: (current: T) => T) {
    // The stored record, not this tab's copy: another tab may have changed it meanwhile.
    const next = change(load(userId));
    try {
      localStorage.setItem(keyOf(userId), JSON.stringify(next));
    } catch {
      // Storage full or denied: the choice holds for this tab only.
    }
    store.setState((state) => ({ byUser: { ...state.byUser, [userId]: next } }));
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === null) {
        loaded.clear();
        store.setState({ byUser: {} });
        return;
      }
      if (!event.key.startsWith(prefix)) return;
      const userId = event.key.slice(prefix.length);
      loaded.delete(userId);
      store.setState((state) => ({ byUser: { ...state.byUser, [userId]: load(userId) } }));
    });
  }

  return {
    /** The user's record, for a component: re-renders when it changes. */
    use: (userId: string): T => store((state) => state.byUser[userId] ?? loadOnce(userId)),
    /** The user's record now, for event handlers. */
    read,
    /** Changes the user's record and stores it. */
    write,
    keyOf,
  };
}
