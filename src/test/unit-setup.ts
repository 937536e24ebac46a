import '../server/testing/console-problems';
import { noBackend } from './no-backend-message';

/**
 * The unit project's setup (vite.config.ts): its tests run pure code, with no server and no MSW.
 * Whatever would reach a backend throws, so a test placed in the wrong project fails at once and
 * says where it belongs.
 */
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource']) {
  if (name in globalThis) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      writable: true,
      value: () => {
        throw new Error(`${noBackend} (${name} was called)`);
      },
    });
  }
}
