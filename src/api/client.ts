import type { z } from 'zod/mini';
import { actingUserId } from './acting-user';
import { ApiError } from './api-error';
import { isUnattended } from '../lib/user-activity';
import { isStateChanging, type Endpoint } from './endpoints/endpoint';
import { ACTING_USER_HEADER, ACTIVITY_HEADER, CSRF_HEADER, CSRF_VALUE } from './headers';
import { ErrorBody } from './schemas/common';
import { apiBaseUrl } from './env';

type JsonEndpoint = Endpoint & { response: z.ZodMiniType };
type Input<S> = S extends z.ZodMiniType ? z.input<S> : never;
/** Query fields may be left out or undefined; undefined ones are not sent. */
type OptionalFields<T> = { [K in keyof T]?: T[K] | undefined };

/** What a call to endpoint E needs: its path params, query and body, each only when E has one. */
export type RequestInput<E extends Endpoint> = (E['params'] extends z.ZodMiniType
  ? { params: Input<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodMiniType
    ? { query?: OptionalFields<Input<E['query']>> }
    : { query?: never }) &
  (E['body'] extends z.ZodMiniType ? { body: Input<E['body']> } : { body?: never }) & {
    signal?: AbortSignal;
  };

export type ApiResponse<E extends JsonEndpoint> = z.output<E['response']>;

/** `/api/items/{itemId}` + `{ itemId: 'a b' }` → `/api/items/a%20b`. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string') throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Calls one endpoint of the contract: builds the URL, sends JSON, parses the answer with the
 * endpoint's schema. Throws ApiError for every failure. No side effects beyond the request.
 */
export async function apiRequest<E extends JsonEndpoint>(
  endpoint: E,
  input: RequestInput<E>,
): Promise<ApiResponse<E>> {
  const label = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
  let url: URL;
  try {
    url = new URL(`${apiBaseUrl()}${buildPath(endpoint.path, input.params)}`);
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: 'invalid_request',
      message: `Could not build the request ${label}: ${cause instanceof Error ? cause.message : String(cause)}`,
      endpoint: label,
    });
  }
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined && value !== null && value !== '')
      url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (isUnattended()) headers[ACTIVITY_HEADER] = 'background';
  if (isStateChanging(endpoint.method)) {
    headers[CSRF_HEADER] = CSRF_VALUE;
    const actingUser = actingUserId();
    if (actingUser !== null) headers[ACTING_USER_HEADER] = actingUser;
  }
  if (input.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    // globalThis.fetch at call time, so interceptors installed later (MSW in tests) are honoured.
    response = await globalThis.fetch(url, {
      method: endpoint.method.toUpperCase(),
      headers,
      // The session cookie goes along; a backend on another origin must be same-site and allow
      // credentialed CORS for the console's origin (README: pointing it at a real backend).
      credentials: 'include',
      body: input.body === undefined ? null : JSON.stringify(input.body),
      signal: input.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'network',
      message: `Could not reach the server (${label}).`,
      endpoint: label,
    });
  }

  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    throw new ApiError({
      status: response.status,
      code: body.success ? body.data.error.code : `http_${response.status}`,
      message: body.success
        ? body.data.error.message
        : `The server answered ${response.status} to ${label}.`,
      endpoint: label,
      field: body.success ? body.data.error.field : undefined,
    });
  }

  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatIssuePath(issue.path) || '(root)' : '(root)';
    throw new ApiError({
      status: response.status,
      code: 'malformed_response',
      message: `The server sent a malformed response to ${label}: ${field}: ${issue?.message ?? 'invalid'}.`,
      endpoint: label,
      field,
    });
  }
  // Parsed by the endpoint's own schema; the cast only names that schema's output for TypeScript,
  // which cannot follow a generic endpoint's schema through safeParse.
  return parsed.data as ApiResponse<E>;
}
