import type { AuditEvent } from '../../api/schemas/audit';
import type { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import type { ServerContext } from '../server-context';
import type { HttpError } from './responses';

/** What a refused attempt was, for the record: never what it would have decided. */
export interface RefusedAttempt {
  action: AuditEvent['action'];
  subject: AuditEvent['subject'];
  detail?: Record<string, string | number | null>;
}

/** Whether an answer is a refusal the log records: forbidden, or in conflict with the state. */
export const isRecordedRefusal = (error: HttpError) => error.status === 403 || error.status === 409;

/**
 * Puts a refused attempt on the record, in a transaction of its own after the request's was
 * rolled back: the refusal is kept, whatever the attempt had written is not.
 */
export async function recordRefusedAttempt(
  server: ServerContext,
  user: User,
  attempt: RefusedAttempt,
  error: HttpError,
) {
  await server.database.db.transaction().execute((trx) =>
    appendAuditEvents(trx, [
      {
        at: server.now().toISOString(),
        actor: { id: user.id, name: user.name, role: user.role },
        action: attempt.action,
        subject: attempt.subject,
        detail: {
          ...attempt.detail,
          status: error.status,
          refusal: error.code,
          message: error.message,
        },
      },
    ]),
  );
}
