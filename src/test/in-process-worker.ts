import { AsyncLocalStorage } from 'node:async_hooks';

/** What a worker's script sees as `self`: its own message port; the page's globals otherwise. */
interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage: (data: unknown) => void;
}

const running = new AsyncLocalStorage<WorkerScope>();
let evaluations = 0;

/**
 * jsdom has no Web Worker. This one runs a module worker's own script in the test's thread, as a
 * fresh module per worker, with `self` its scope for everything that script does (across its
 * awaits): a component that hands work to a worker runs the real worker code against the test
 * server. Messages cross asynchronously, as they do between threads.
 */
export class InProcessWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  #terminated = false;
  readonly #scope: WorkerScope;
  readonly #loaded: Promise<unknown>;

  constructor(url: string | URL) {
    const page = window;
    const own: WorkerScope = {
      onmessage: null,
      postMessage: (data) =>
        setTimeout(() => {
          if (!this.#terminated) this.onmessage?.(new MessageEvent('message', { data }));
        }),
    };
    this.#scope = new Proxy(own, {
      get: (target, key): unknown =>
        key in target ? Reflect.get(target, key) : Reflect.get(page, key),
    });
    const { pathname } = new URL(url, page.location.href);
    evaluations += 1;
    this.#loaded = running.run(
      this.#scope,
      () => import(/* @vite-ignore */ `${pathname}?in-process-worker=${evaluations}`),
    );
    this.#loaded.catch(() => {
      if (!this.#terminated) this.onerror?.(new Event('error'));
    });
  }

  postMessage(data: unknown) {
    // A script that could not load has reported its error already.
    this.#loaded.then(
      () =>
        running.run(this.#scope, () =>
          this.#scope.onmessage?.(new MessageEvent('message', { data })),
        ),
      () => undefined,
    );
  }

  terminate() {
    this.#terminated = true;
  }
}

/**
 * Gives the page `Worker` (an InProcessWorker) and a `self` that is a running worker's scope
 * inside its script and the window everywhere else. Returns the undo.
 */
export function installInProcessWorkers(): () => void {
  const page = globalThis.self;
  const before = {
    self: Object.getOwnPropertyDescriptor(globalThis, 'self'),
    Worker: Object.getOwnPropertyDescriptor(globalThis, 'Worker'),
  };
  Object.defineProperty(globalThis, 'self', {
    configurable: true,
    get: () => running.getStore() ?? page,
  });
  Object.defineProperty(globalThis, 'Worker', {
    configurable: true,
    writable: true,
    value: InProcessWorker,
  });
  return () => {
    for (const [name, descriptor] of Object.entries(before)) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  };
}
