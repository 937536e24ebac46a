/**
 * The headers and the cookie every call of the contract shares; the client sends them, the server
 * checks them and the OpenAPI document describes them.
 */

/** The header every state-changing request carries; the server refuses such a request without it. */
export const CSRF_HEADER = 'X-Verity-CSRF';
export const CSRF_VALUE = '1';
/**
 * The user a state-changing request acts for; under another user's session it is refused (403
 * `maker_mismatch`). The console always sends it.
 */
export const ACTING_USER_HEADER = 'X-Verity-User';
/**
 * `background` on a request made while no one has used the console for a minute (polling, lease
 * renewals, retries): it does not count as use, so an unattended console's session idles out.
 */
export const ACTIVITY_HEADER = 'X-Verity-Activity';
export const SESSION_COOKIE = 'verity_session';
