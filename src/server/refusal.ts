/**
 * Why a rule refused a request, in the server's own terms: services throw this, never an HTTP
 * status, and the HTTP layer maps `kind` to one status (`http/refusal-status.ts`).
 */
export type RefusalKind =
  /** The request cannot mean anything: a value out of range, a field missing. */
  | 'invalid'
  /** No one is signed in, or the session ended. */
  | 'unauthenticated'
  /** The caller may not do this (role, four eyes, blind review, another user's decision). */
  | 'forbidden'
  /** No such thing, or none the caller may know of. */
  | 'not_found'
  /** The thing changed or is held: the caller's view is stale, or someone else acts on it. */
  | 'conflict'
  /** It is gone for good: a single-use link already used, a reveal ended. */
  | 'gone'
  /** Something this server depends on is not there: NCMEC's host, its credentials. */
  | 'unavailable';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** Machine-readable, as the contract's error body carries it: `held`, `stale_version`… */
    readonly code: string,
    message: string,
    /** The request field at fault, e.g. `body.reason`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
