import { delay, http, type HttpHandler } from 'msw';
import type { z } from 'zod';
import {
  CSRF_HEADER,
  CSRF_VALUE,
  SESSION_COOKIE,
  isStateChanging,
  type Endpoint,
} from '../../api/endpoints';
import type { ErrorBody } from '../../api/schemas/common';
import type { SessionEnded } from '../../api/schemas/session';
import type { User } from '../../api/schemas/user';
import type { Backend } from '../backend/backend';
import { corrupt, matchingFault } from '../backend/faults';
import { readCookie } from '../backend/sessions';

/** Thrown by a resolver to answer with an error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * A JSON response. Built with the plain Response constructor on purpose: MSW's HttpResponse would
 * copy any Set-Cookie into MSW's process-wide cookie jar and replay it on every later request,
 * which on the shared demo server would sign one user's browser in as another
 * (docs/decisions/0002-session-cookies-outside-msw.md).
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

export const errorResponse = ({ status, code, message, field }: HttpError) =>
  jsonResponse(status, {
    error: { code, message, ...(field === undefined ? {} : { field }) },
  } satisfies ErrorBody);

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The 401 for a request without a live session, saying why when its session ended by itself. */
export function sessionRequired(ended: SessionEnded | null): HttpError {
  switch (ended?.reason) {
    case 'idle_timeout':
      return new HttpError(
        401,
        'session_expired',
        `Your session expired after ${plural(ended.idleMinutes, 'minute')} idle. Sign in again.`,
      );
    case 'expired':
      return new HttpError(
        401,
        'session_expired',
        `Your session reached its ${ended.maxHours}-hour limit. Sign in again.`,
      );
    case 'signed_out_everywhere':
      return new HttpError(
        401,
        'session_ended',
        'This session was ended by signing out everywhere. Sign in again.',
      );
    case undefined:
      return new HttpError(401, 'unauthenticated', 'Sign in to continue.');
  }
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

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

type Reply<E extends Endpoint> = E['response'] extends z.ZodType
  ? { body: z.input<E['response']>; status?: number; headers?: Record<string, string> }
  : Response;

/** A 400 naming the first failing field, e.g. `body.userId` or `query.limit`. */
export function invalidRequest(error: z.ZodError, where: 'path' | 'query' | 'body'): HttpError {
  const issue = error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].join('.');
  return new HttpError(400, 'invalid_request', `${field}: ${issue?.message ?? 'invalid'}`, field);
}

function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'path' | 'query' | 'body',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidRequest(result.error, where);
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not JSON.', 'body');
  }
}

/**
 * One MSW handler for one endpoint of the contract: latency and faults, the CSRF guard, the
 * session and role check, and request validation with the contract's schemas — then `resolve`.
 */
export function route<E extends Endpoint>(
  backend: Backend,
  endpoint: E,
  resolve: (context: RouteContext<E>) => Reply<E> | Promise<Reply<E>>,
): HttpHandler {
  const path = `*${endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`;
  return http[endpoint.method](path, async ({ request, params }) => {
    try {
      if (backend.config.latency > 0) await delay(backend.config.latency);
      const fault = matchingFault(backend.config.faults, new URL(request.url).pathname);
      if (fault === '500') throw new HttpError(500, 'injected_fault', 'Injected fault: 500.');
      if (isStateChanging(endpoint.method) && request.headers.get(CSRF_HEADER) !== CSRF_VALUE) {
        throw new HttpError(
          403,
          'csrf',
          `State-changing requests must carry ${CSRF_HEADER}: ${CSRF_VALUE}.`,
        );
      }
      const sessionToken = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
      // Every request with a live session counts as its use; one that ran out ends here.
      const user = backend.state.sessions.use(sessionToken)?.user ?? null;
      if (endpoint.access !== 'public') {
        if (!user) throw sessionRequired(backend.state.sessions.endedFor(sessionToken));
        if (!endpoint.access.includes(user.role)) {
          throw new HttpError(
            403,
            'forbidden',
            `The ${user.role} role may not call ${endpoint.operationId} (${endpoint.summary}).`,
          );
        }
      }
      const url = new URL(request.url);
      const context = {
        request,
        params: endpoint.params ? parseOrThrow(endpoint.params, params, 'path') : undefined,
        query: endpoint.query
          ? parseOrThrow(endpoint.query, Object.fromEntries(url.searchParams), 'query')
          : undefined,
        body: endpoint.body
          ? parseOrThrow(endpoint.body, await readJson(request), 'body')
          : undefined,
        user,
        sessionToken,
        backend,
      } as RouteContext<E>;
      const reply: Response | { body: unknown; status?: number; headers?: Record<string, string> } =
        await resolve(context);
      if (reply instanceof Response) return reply;
      return jsonResponse(
        reply.status ?? 200,
        fault === 'malformed' ? corrupt(reply.body) : reply.body,
        reply.headers,
      );
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      // A bug in the mock: answer as a real server would (no stack trace), and say so in its log.
      console.error(error);
      return errorResponse(
        new HttpError(500, 'internal', 'The server failed to handle the request.'),
      );
    }
  });
}
