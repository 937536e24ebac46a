import type { User } from '../api/schemas/user';
import type { OpenDatabase } from './db/open-database';
import type { SessionLimits } from './sessions/session-rules';

/** What every route of the server reads: its database, its clock and its settings. */
export interface ServerContext {
  database: OpenDatabase;
  now: () => Date;
  sessionLimits: SessionLimits;
  /** The users anyone may sign in as, without a password: demo mode only; empty otherwise. */
  demoUsers: readonly User[];
}
