import { failOnConsoleProblems } from '../server/testing/console-problems';
import { noBackend } from './no-backend-message';

/**
 * The unit project's setup (vite.config.ts): its tests run pure code, with no server and no MSW.
 * Whatever would reach a backend throws, so a test placed in the wrong project fails at once and
 * says where it belongs.
 *
 * The project does not isolate files (vite.config.ts): a worker runs file after file in one module
 * graph, which makes the project about twice as fast. This runs before each file: it starts
 * from empty storage; a unit test leaves no other state behind (no module-level variables it sets
 * without setting them back).
 */
failOnConsoleProblems();
if (typeof localStorage !== 'undefined') localStorage.clear();
if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
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
