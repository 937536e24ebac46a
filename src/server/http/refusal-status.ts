import type { Refusal, RefusalKind } from '../refusal';
import { HttpError } from './responses';

const statusOf: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unavailable: 503,
};

/** The one place a rule's refusal becomes an HTTP answer. */
export const httpErrorOf = ({ kind, code, message, field }: Refusal): HttpError =>
  new HttpError(statusOf[kind], code, message, field);
