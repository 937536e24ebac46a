import type { BrowserContext, Page, Request } from '@playwright/test';

/** What a test expects to see fail, and nothing else. */
export interface GuardAllowances {
  /** HTTP statuses whose browser "Failed to load resource" line this test expects. */
  allowedFailedStatuses: number[];
  /** The test takes the browser offline: its failed-request lines are expected. */
  allowOffline: boolean;
}

/**
 * Reports every Content-Security-Policy violation of the global it runs in (a page or a worker) as a
 * console error, which the console guard then records. Chromium logs some violations by itself but
 * not all: a `new Function` that the page catches (a library probing whether it may eval) is
 * reported only through this event. It runs as source in other realms, so it is self-contained.
 */
function reportCspViolations() {
  const flag = '__verityCspGuard';
  if (flag in globalThis) return;
  Object.defineProperty(globalThis, flag, { value: true });
  globalThis.addEventListener('securitypolicyviolation', (event) => {
    if (!(event instanceof SecurityPolicyViolationEvent)) return;
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
    const blocked = event.blockedURI ? ` blocked ${event.blockedURI}` : '';
    console.error(
      `Content-Security-Policy violation: ${event.effectiveDirective}${blocked}${where}`,
    );
  });
}

/** A worker's script runs the reporter first: init scripts reach documents, not workers. */
const workerPrelude = `(${reportCspViolations.toString()})();\n`;

/**
 * A worker's script cannot be told from a page's by its request, so workers are known by name:
 * Vite keeps a `verify.worker.ts` module's name (`verify.worker-<hash>.js`). A worker by any other
 * name is reported, so none escapes the guard unseen.
 */
const isWorkerScript = (url: string) => /\.worker[^/]*\.js$/.test(new URL(url).pathname);

/** The page a request came from; none for a service worker's (Playwright throws then). */
function pageOf(request: Request): Page | null {
  try {
    return request.frame().page();
  } catch {
    return null;
  }
}

/**
 * Watches a browser context for everything a test must not see, in every page it has or opens and
 * in their workers: console errors and warnings (but the failed-load lines the test allows),
 * uncaught errors, script-opened dialogs, requests outside the console's origin (aborted) and CSP
 * violations. Each problem is pushed onto `problems`, naming the page when it is not the first.
 */
export async function guardContext(
  context: BrowserContext,
  origin: string,
  { allowedFailedStatuses, allowOffline }: GuardAllowances,
  problems: string[],
) {
  const allowed = [
    ...allowedFailedStatuses.map(
      (status) => `Failed to load resource: the server responded with a status of ${status}`,
    ),
    ...(allowOffline ? ['Failed to load resource: net::ERR_INTERNET_DISCONNECTED'] : []),
  ];
  const numbers = new WeakMap<Page, number>();
  let opened = 0;
  const label = (page: Page | null) => {
    const number = page ? (numbers.get(page) ?? 0) : 0;
    return number > 1 && page ? `[page ${number}: ${page.url()}] ` : '';
  };
  context.on('page', (page) => {
    numbers.set(page, ++opened);
    page.on('worker', (worker) => {
      if (!isWorkerScript(worker.url()))
        problems.push(`${label(page)}a worker the CSP guard cannot see into: ${worker.url()}`);
    });
  });

  context.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (allowed.some((line) => message.text().startsWith(line))) return;
    problems.push(`${label(message.page())}console.${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) =>
    problems.push(`${label(error.page())}page error: ${error.error().message}`),
  );
  // Nothing third-party may ever run script: a dialog is proof that something did. The console's
  // own "leave without saving?" (beforeunload) is no such proof: a test that leaves with unsaved
  // work answers it itself; unanswered, it is accepted after a moment, as Playwright would.
  context.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') {
      setTimeout(() => void dialog.accept().catch(() => undefined), 1_000);
      return;
    }
    problems.push(`${label(dialog.page())}dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await context.addInitScript(reportCspViolations);
  // Nothing may leave the console's own origin (fonts, analytics, third-party URLs…).
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith('data:')) return route.continue();
    if (new URL(url).origin !== origin) {
      problems.push(`${label(pageOf(request))}request outside the console's origin: ${url}`);
      return route.abort();
    }
    if (request.resourceType() !== 'script' || !isWorkerScript(url)) return route.continue();
    // The test server closes idle keep-alive sockets: a reused one may be reset.
    const response = await route.fetch({ maxRetries: 3 });
    return route.fulfill({ response, body: workerPrelude + (await response.text()) });
  });
}
