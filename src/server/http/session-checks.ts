import { isStateChanging, type Endpoint } from '../../api/endpoints/endpoint';
import { ACTING_USER_HEADER, CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import type { SessionEnded } from '../../api/schemas/session';
import type { User } from '../../api/schemas/user';
import { HttpError } from './responses';

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

/**
 * A state-changing request that says whom it acts for (`X-Verity-User`, which the console always
 * sends) is refused under anyone else's session: a tab still showing one user never acts under a
 * session another user started in the same browser.
 */
export function assertActingForSessionUser(request: Request, endpoint: Endpoint, user: User) {
  const actingFor = request.headers.get(ACTING_USER_HEADER);
  if (!isStateChanging(endpoint.method) || actingFor === null || actingFor === user.id) return;
  throw new HttpError(
    403,
    'maker_mismatch',
    `This request was made for another user than ${user.name}, who is signed in now: it is not made.`,
  );
}

/** A state-changing request without the CSRF header is refused (403), before anything else. */
export function assertCsrf(request: Request, endpoint: Endpoint) {
  if (isStateChanging(endpoint.method) && request.headers.get(CSRF_HEADER) !== CSRF_VALUE)
    throw new HttpError(
      403,
      'csrf',
      `State-changing requests must carry ${CSRF_HEADER}: ${CSRF_VALUE}.`,
    );
}

/**
 * Whether the caller may call the endpoint: a session unless it is public (401 saying why the
 * session ended, when it did by itself), a role it allows (403), and the user it acts for.
 */
export function assertMayCall(
  request: Request,
  endpoint: Endpoint,
  user: User | null,
  ended: () => SessionEnded | null,
) {
  if (endpoint.access === 'public') return;
  if (!user) throw sessionRequired(ended());
  if (!endpoint.access.includes(user.role))
    throw new HttpError(
      403,
      'forbidden',
      `The ${user.role} role may not call ${endpoint.operationId} (${endpoint.summary}).`,
    );
  assertActingForSessionUser(request, endpoint, user);
}
