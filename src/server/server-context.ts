import type { User } from '../api/schemas/user';
import type { GroupCommit } from './db/group-commit';
import type { OpenDatabase } from './db/open-database';
import type { NcmecAccess } from './ncmec/ncmec-settings';
import type { MediaStore } from './media/media-store';
import type { SessionLimits } from './sessions/session-rules';

/** The rules a deployment sets at start: how long a claim lasts, how many one person holds. */
export interface ReviewRules {
  /** A claim lasts this long unless renewed. */
  leaseSeconds: number;
  /** The most items one reviewer may hold at once. */
  maxHeld: number;
  /**
   * The key of the draw that sends a share of first dismissals to a blind second review: secret,
   * so no one can compute which dismissals will be drawn.
   */
  reviewSecret: string;
}

/** What every route of the server reads: its database, its clock and its settings. */
export interface ServerContext {
  database: OpenDatabase;
  /** Where requests' changes are written: concurrent ones share a commit (`db/group-commit.ts`). */
  transactions: GroupCommit;
  /** Originals and blurred derivatives, read from files (a directory by default). */
  media: MediaStore;
  /** The directory `media` reads, which the demo fills when it seeds; null for another store. */
  mediaDir: string | null;
  now: () => Date;
  sessionLimits: SessionLimits;
  review: ReviewRules;
  /** The users anyone may sign in as, without a password: demo mode only; empty otherwise. */
  demoUsers: readonly User[];
  /** How filing reaches NCMEC (the environment's settings, or the demo's NCMEC), or why it cannot. */
  ncmec: NcmecAccess;
}
