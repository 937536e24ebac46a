import type { Transaction } from 'kysely';
import type { AuditEvent } from '../../api/schemas/audit';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';

/** Audit actions whose detail carries a verdict. */
export const VERDICT_ACTIONS: ReadonlySet<string> = new Set([
  'item.decided',
  'item.decision_undone',
  'item.decision_corrected',
]);

type BarReaders = (
  trx: Transaction<Database>,
  reader: User,
  events: readonly AuditEvent[],
  now: Date,
) => Promise<string[]>;

/** Placeholder until the blind review's bar lands: reading bars no one yet. */
export const barReadersOf: BarReaders = () => Promise.resolve([]);
