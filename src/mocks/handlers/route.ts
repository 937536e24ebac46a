import { delay, http, type HttpHandler } from 'msw';
import {
  ACTIVITY_HEADER,
  SESSION_COOKIE,
  isStateChanging,
  type Endpoint,
} from '../../api/endpoints';
import type { User } from '../../api/schemas/user';
import type { Backend } from '../backend/backend';
import { corrupt, matchingFault } from '../../server/demo/faults';
import { readCookie } from '../../server/http/session-cookie';
import { bodyLimit } from '../../server/http/body-limit';
import { decodeParams, matchPath, readJsonBody, readQuery } from '../../server/http/request-input';
import { isRecordedRefusal, recordRefusal, type RefusedAttempt } from './refusals';
import { HttpError, errorResponse, jsonResponse } from '../../server/http/responses';
import { assertCsrf, assertMayCall } from '../../server/http/session-checks';

import { parseOrThrow, type Parsed, type Reply } from '../../server/http/endpoint-types';

/**
 * The parameters and body of a request refused before they were read (its role may not call
 * the endpoint), for the record of what it tried; null when they do not parse.
 */
async function readLeniently(
  endpoint: Endpoint,
  request: Request,
  raw: Record<string, string> | null,
): Promise<{ params: unknown; body: unknown } | null> {
  try {
    const params = endpoint.params?.safeParse(decodeParams(raw ?? {}));
    if (params?.success === false) return null;
    const body = endpoint.body
      ? endpoint.body.safeParse(
          await readJsonBody(request, { limit: bodyLimit(endpoint.body), required: true }),
        )
      : undefined;
    return { params: params?.data, body: body?.success ? body.data : undefined };
  } catch {
    return null;
  }
}

export interface RouteContext<E extends Endpoint> {
  request: Request;
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  /** The caller; null only on public endpoints without a session. */
  user: E['access'] extends 'public' ? User | null : User;
  sessionToken: string | undefined;
  backend: Backend;
}

/** What a refused request was trying to do, from its parameters and body (when they parse). */
export type RefusalOf<E extends Endpoint> = (input: {
  params: Parsed<E['params']>;
  body: Parsed<E['body']> | undefined;
}) => RefusedAttempt | null;

/**
 * One MSW handler for one endpoint of the contract: the URL's encoding, latency and faults, the
 * CSRF guard, the session and role check, request validation with the contract's schemas and the
 * body's type and size (its limit derived from its schema, `body-limit.ts`) — then `resolve`.
 * With `refused`, a 403 or 409 to a signed-in caller of a state-changing endpoint is audited as
 * the attempt it names (refusals.ts).
 */
export function route<E extends Endpoint>(
  backend: Backend,
  endpoint: E,
  resolve: (context: RouteContext<E>) => Reply<E> | Promise<Reply<E>>,
  { refused }: { refused?: RefusalOf<E> } = {},
): HttpHandler {
  const limit = bodyLimit(endpoint.body);
  // Matched by hand, not by a path pattern: MSW's matcher decodes parameters itself and throws on
  // a bad encoding, before any handler could answer.
  const rawParams = (request: Request) => matchPath(endpoint.path, new URL(request.url).pathname);
  return http[endpoint.method](
    ({ request }) => rawParams(request) !== null,
    async ({ request }) => {
      let caller: User | null = null;
      let parsed: { params: unknown; body: unknown } | null = null;
      try {
        const url = new URL(request.url);
        const params = decodeParams(rawParams(request) ?? {});
        const query = readQuery(url);
        if (backend.config.latency > 0) await delay(backend.config.latency);
        const fault = matchingFault(backend.config.faults, url.pathname);
        if (fault === '500') throw new HttpError(500, 'injected_fault', 'Injected fault: 500.');
        assertCsrf(request, endpoint);
        const sessionToken = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
        // Every request with a live session counts as its use, but the console's own while no one
        // uses it (`background`); one that ran out ends here.
        const background = request.headers.get(ACTIVITY_HEADER) === 'background';
        const { sessions } = backend.state;
        const session = background ? sessions.peek(sessionToken) : sessions.use(sessionToken);
        const user = session?.user ?? null;
        caller = user;
        assertMayCall(request, endpoint, user, () => sessions.endedFor(sessionToken));
        const parsedParams = endpoint.params
          ? parseOrThrow(endpoint.params, params, 'path')
          : undefined;
        const parsedQuery = endpoint.query
          ? parseOrThrow(endpoint.query, query, 'query')
          : undefined;
        const body = isStateChanging(endpoint.method)
          ? await readJsonBody(request, { limit, required: endpoint.body !== undefined })
          : undefined;
        const parsedBody = endpoint.body ? parseOrThrow(endpoint.body, body, 'body') : undefined;
        parsed = { params: parsedParams, body: parsedBody };
        const context = {
          request,
          params: parsedParams,
          query: parsedQuery,
          body: parsedBody,
          user,
          sessionToken,
          backend,
        } as RouteContext<E>;
        const reply:
          Response | { body: unknown; status?: number; headers?: Record<string, string> } =
          await resolve(context);
        if (reply instanceof Response) return reply;
        return jsonResponse(
          reply.status ?? 200,
          fault === 'malformed' ? corrupt(reply.body) : reply.body,
          reply.headers,
        );
      } catch (error) {
        if (error instanceof HttpError) {
          if (refused && caller && isStateChanging(endpoint.method) && isRecordedRefusal(error)) {
            const input = parsed ?? (await readLeniently(endpoint, request, rawParams(request)));
            const attempt = input && refused(input as Parameters<RefusalOf<E>>[0]);
            if (attempt) recordRefusal(backend, caller, attempt, error);
          }
          return errorResponse(error);
        }
        // A bug in the mock: answer as a real server would (no stack trace), and say so in its log.
        console.error(error);
        return errorResponse(
          new HttpError(500, 'internal', 'The server failed to handle the request.'),
        );
      }
    },
  );
}
