import type { AuditHead } from '../../../api/schemas/audit';
import type { ChainBreak } from '../../../domain/audit-verification';

/** What the page asks the verification worker: a contiguous range of seq, and a head to check. */
export interface VerifyJob {
  firstSeq: number;
  lastSeq: number;
  /** A head recorded earlier: the log must still carry its hash at its seq. */
  recordedHead?: AuditHead;
}

export type VerifyMessage =
  | { type: 'progress'; checked: number; total: number }
  | {
      type: 'done';
      checked: number;
      failure: ChainBreak | null;
      /** Whether the log still extends `recordedHead`; null when none was given. */
      extendsRecordedHead: boolean | null;
      hashingMs: number;
      totalMs: number;
    }
  | { type: 'error'; message: string };
