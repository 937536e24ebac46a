/** Storage as the Web Storage API shapes it: this browser's `localStorage`, or a map in a test. */
export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

/** `localStorage`, looked up at each call (so a module may hold it where there is none yet). */
export const browserLocalStorage: KeyValueStorage = {
  get length() {
    return localStorage.length;
  },
  key: (index) => localStorage.key(index),
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  removeItem: (key) => localStorage.removeItem(key),
};
