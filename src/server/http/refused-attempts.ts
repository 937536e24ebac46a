import type { Transaction } from 'kysely';
import { isStateChanging, type Endpoint } from '../../api/endpoints/endpoint';
import type { AuditAction, AuditEvent } from '../../api/schemas/audit';
import type { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import type { ServerContext } from '../server-context';
import { bodyLimit } from './body-limit';
import type { Parsed } from './endpoint-types';
import { decodeParams, readJsonBody } from './request-input';
import type { HttpError } from './responses';

/**
 * Refused attempts are on the record too: a decision, claim, reveal or approval answered 403 or
 * 409 appends who tried what and why it was refused. Reads are never recorded as refusals, nor
 * requests without a signed-in person (a missing CSRF header is refused before anyone is known).
 */
export type RefusalAction = Extract<
  AuditAction,
  | 'item.claim_refused'
  | 'item.decision_refused'
  | 'media.reveal_refused'
  | 'report.approval_refused'
>;

export interface RefusedAttempt {
  action: RefusalAction;
  subject: AuditEvent['subject'];
  /**
   * What was tried, beyond the action: a stage, a version. Never a verdict — the attempt may be a
   * blind second review, and reading a refusal bars no one.
   */
  detail?: Record<string, string | number | null>;
}

/**
 * What a refused request was trying to do, from its parameters and body (when they parse) and the
 * error it was answered with; it reads the database as it is after the request rolled back.
 */
export type RefusalOf<E extends Endpoint> = (input: {
  params: Parsed<E['params']>;
  body: Parsed<E['body']> | undefined;
  error: unknown;
  trx: Transaction<Database>;
}) => RefusedAttempt | null | Promise<RefusedAttempt | null>;

/** What a refused attempt's event says of its answer: the status, the error code, the reason. */
export const refusalDetail = ({ status, code, message }: HttpError) => ({
  status,
  refusal: code,
  message,
});

/** Whether a status is a refusal the log records: forbidden, or in conflict with the state. */
export const isRefusalStatus = (status: number) => status === 403 || status === 409;

/** Whether an answer is a refusal the log records, to a request that would have changed state. */
export const isRecordedRefusal = (endpoint: Endpoint, answer: HttpError) =>
  isStateChanging(endpoint.method) && isRefusalStatus(answer.status);

/**
 * The parameters and body of a request refused before they were read (its role may not call
 * the endpoint), for the record of what it tried; null when they do not parse.
 */
export async function readLeniently(
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

/**
 * Records the refused attempt in a transaction of its own, after the request's rolled back: the
 * refusal stays on the record though nothing the request did does. A failure to record is logged
 * and the caller still gets the refusal.
 */
export async function recordRefusedAttempt<E extends Endpoint>(
  server: ServerContext,
  caller: User,
  refused: RefusalOf<E>,
  input: { params: unknown; body: unknown },
  error: unknown,
  answer: HttpError,
) {
  try {
    await server.database.db.transaction().execute(async (trx) => {
      const attempt = await refused({ ...input, error, trx } as Parameters<RefusalOf<E>>[0]);
      if (!attempt) return;
      await appendAuditEvents(trx, [
        {
          at: server.now().toISOString(),
          actor: { id: caller.id, name: caller.name, role: caller.role },
          action: attempt.action,
          subject: attempt.subject,
          detail: { ...attempt.detail, ...refusalDetail(answer) },
        },
      ]);
    });
  } catch (failure) {
    console.error(failure);
  }
}
