import { http, type HttpHandler } from 'msw';

/** What answers the bridged calls: the server's HTTP app. */
export interface FetchTarget {
  fetch(request: Request): Response | Promise<Response>;
}

/** The server's own paths: the contract's API and, in demo mode, the demo's knobs. */
function isServerPath(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.startsWith('/api/') || pathname.startsWith('/__mock/');
}

/**
 * The one MSW handler: every call of the API (and of the demo's knobs), on any origin, is
 * answered by the Verity server's app, in process, without a port. The console is developed and
 * tested against the real rules this way; a request for anything else is left unhandled.
 */
export function serverBridge(target: () => Promise<FetchTarget>): HttpHandler {
  return http.all(
    ({ request }) => isServerPath(request.url),
    async ({ request }) => (await target()).fetch(request),
  );
}
