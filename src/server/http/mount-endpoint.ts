import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { isStateChanging, type Endpoint } from '../../api/endpoints/endpoint';
import { ACTIVITY_HEADER, SESSION_COOKIE } from '../../api/headers';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import type { ServerContext } from '../server-context';
import { sessionForRequest } from '../sessions/request-session';
import { bodyLimit } from './body-limit';
import { decodeParams, matchPath, readJsonBody, readQuery } from './request-input';
import { Refusal } from '../refusal';
import { httpErrorOf } from './refusal-status';
import { HttpError, errorResponse, jsonResponse } from './responses';
import { readCookie } from './session-cookie';
import { assertCsrf, assertMayCall } from './session-checks';

import { parseOrThrow, type Parsed, type Reply } from './endpoint-types';
import {
  isRecordedRefusal,
  readLeniently,
  recordRefusedAttempt,
  type RefusalOf,
} from './refused-attempts';

export interface EndpointContext<E extends Endpoint> {
  request: Request;
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  /** The caller; null only on public endpoints without a session. */
  user: E['access'] extends 'public' ? User | null : User;
  sessionToken: string | undefined;
  /** The request's one transaction: what the handler writes commits or rolls back whole. */
  trx: Transaction<Database>;
  server: ServerContext;
}

/**
 * Serves one endpoint of the contract: the URL read strictly, the CSRF guard, the session (one
 * statement while it lives; one that ran out is ended in a transaction of its own, so the ending
 * is kept whatever the request does next) and the role,
 * the request validated with the contract's schemas and its body's size — then `handle`, in one
 * transaction (or a savepoint of one shared with concurrent requests: `db/group-commit.ts`). A `Refusal` (a rule's) or an `HttpError` (the request's) is answered as the
 * contract's error body, and what the handler wrote is rolled back; anything else is a 500 without
 * details. With `refused`, a 403 or 409 to a signed-in caller of a state-changing endpoint is then
 * audited as the attempt it names, in a transaction of its own (refused-attempts.ts).
 */
export function mountEndpoint<E extends Endpoint>(
  app: Hono,
  server: ServerContext,
  endpoint: E,
  handle: (context: EndpointContext<E>) => Promise<Reply<E>>,
  { refused }: { refused?: RefusalOf<E> } = {},
) {
  const limit = bodyLimit(endpoint.body);
  const pattern = endpoint.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(endpoint.method.toUpperCase(), pattern, async (c) => {
    const request = c.req.raw;
    // The router answers HEAD with the GET handler; a read here may change state (a reveal link
    // spent and its serving recorded, a blind second review barred), which a HEAD must never do.
    if (request.method === 'HEAD')
      return withAllow(
        errorResponse(new HttpError(405, 'method_not_allowed', 'Use GET: HEAD is not served.')),
      );
    let caller: User | null = null;
    let parsed: { params: unknown; body: unknown } | null = null;
    try {
      const url = new URL(request.url);
      const params = decodeParams(matchPath(endpoint.path, url.pathname) ?? {});
      const query = readQuery(url);
      assertCsrf(request, endpoint);
      const sessionToken = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
      const { session, ended } = await sessionForRequest(server.database.db, {
        token: sessionToken,
        now: server.now(),
        limits: server.sessionLimits,
        use: request.headers.get(ACTIVITY_HEADER) !== 'background',
      });
      const user = session?.user ?? null;
      caller = user;
      assertMayCall(request, endpoint, user, () => ended);
      const parsedParams = endpoint.params
        ? parseOrThrow(endpoint.params, params, 'path')
        : undefined;
      const parsedQuery = endpoint.query ? parseOrThrow(endpoint.query, query, 'query') : undefined;
      const body = isStateChanging(endpoint.method)
        ? await readJsonBody(request, { limit, required: endpoint.body !== undefined })
        : undefined;
      const parsedBody = endpoint.body ? parseOrThrow(endpoint.body, body, 'body') : undefined;
      parsed = { params: parsedParams, body: parsedBody };
      const reply: Response | { body: unknown; status?: number; headers?: Record<string, string> } =
        await server.transactions.run(
          (trx) =>
            handle({
              request,
              params: parsedParams,
              query: parsedQuery,
              body: parsedBody,
              user,
              sessionToken,
              trx,
              server,
            } as EndpointContext<E>),
          { changes: isStateChanging(endpoint.method) },
        );
      if (reply instanceof Response) return reply;
      return jsonResponse(reply.status ?? 200, reply.body, reply.headers);
    } catch (error) {
      const answer =
        error instanceof Refusal ? httpErrorOf(error) : error instanceof HttpError ? error : null;
      if (answer) {
        if (refused && caller && isRecordedRefusal(endpoint, answer)) {
          const raw = matchPath(endpoint.path, new URL(request.url).pathname);
          const input = parsed ?? (await readLeniently(endpoint, request, raw));
          if (input) await recordRefusedAttempt(server, caller, refused, input, error, answer);
        }
        return errorResponse(answer);
      }
      console.error(error);
      return errorResponse(
        new HttpError(500, 'internal', 'The server failed to handle the request.'),
      );
    }
  });
}

const withAllow = (response: Response) => {
  response.headers.set('Allow', 'GET');
  return response;
};
