import type { AuditAction, AuditEvent } from '../../api/schemas/audit';
import type { User } from '../../api/schemas/user';
import type { Backend } from '../backend/backend';
import type { HttpError } from '../../server/http/responses';

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

/** Whether an answer is a refusal the log records: forbidden, or in conflict with the state. */
export const isRecordedRefusal = (error: HttpError) => error.status === 403 || error.status === 409;

export function recordRefusal(
  backend: Backend,
  user: User,
  attempt: RefusedAttempt,
  error: HttpError,
) {
  backend.state.audit.append({
    at: backend.now().toISOString(),
    actor: { id: user.id, name: user.name, role: user.role },
    action: attempt.action,
    subject: attempt.subject,
    detail: {
      ...attempt.detail,
      status: error.status,
      refusal: error.code,
      message: error.message,
    },
  });
}
