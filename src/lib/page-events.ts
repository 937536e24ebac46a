/** What happens to the page that an engine reacts to. */
export type PageEvent = 'focus' | 'blur' | 'visible' | 'hidden' | 'online';

/**
 * The page around an engine: its window's focus, its tab's visibility, the network coming back,
 * and storage written by another tab of this browser. Each `on…` returns the unsubscribe. The
 * console passes `browserPage`; a unit test passes one it drives by hand.
 */
export interface PageEvents {
  on(event: PageEvent, listener: () => void): () => void;
  /** `key` is the storage key another tab changed, or null when it cleared the storage. */
  onStorage(listener: (key: string | null) => void): () => void;
  isVisible(): boolean;
}

const listen = (target: EventTarget, type: string, listener: () => void) => {
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
};

const onVisibility = (visible: boolean, listener: () => void) =>
  listen(document, 'visibilitychange', () => {
    if ((document.visibilityState === 'visible') === visible) listener();
  });

export const browserPage: PageEvents = {
  on: (event, listener) => {
    switch (event) {
      case 'visible':
        return onVisibility(true, listener);
      case 'hidden':
        return onVisibility(false, listener);
      default:
        return listen(window, event, listener);
    }
  },
  onStorage: (listener) => {
    const onStorage = (event: StorageEvent) => listener(event.key);
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
  isVisible: () => document.visibilityState === 'visible',
};
