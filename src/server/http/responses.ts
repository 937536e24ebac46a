import type { z } from 'zod/mini';
import type { ErrorBody } from '../../api/schemas/common';
import { writeJson } from './write-json';

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
 * A JSON response (`writeJson`: a field may be JSON text written already). Built with the plain Response constructor on purpose: MSW's HttpResponse would
 * copy any Set-Cookie into MSW's process-wide cookie jar and replay it on every later request,
 * which on the shared demo server would sign one user's browser in as another
 * (docs/decisions/0002-session-cookies-outside-msw.md).
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(writeJson(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

export const errorResponse = ({ status, code, message, field }: HttpError) =>
  jsonResponse(status, {
    error: { code, message, ...(field === undefined ? {} : { field }) },
  } satisfies ErrorBody);

/** A 400 naming the first failing field, e.g. `body.userId` or `query.limit`. */
export function invalidRequest(
  error: z.core.$ZodError,
  where: 'path' | 'query' | 'body',
): HttpError {
  const issue = error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].join('.');
  return new HttpError(400, 'invalid_request', `${field}: ${issue?.message ?? 'invalid'}`, field);
}
