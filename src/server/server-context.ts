import type { User } from '../api/schemas/user';
import type { OpenDatabase } from './db/open-database';
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
  /** Originals and blurred derivatives, read from files (a directory by default). */
  media: MediaStore;
  now: () => Date;
  sessionLimits: SessionLimits;
  review: ReviewRules;
  /** The users anyone may sign in as, without a password: demo mode only; empty otherwise. */
  demoUsers: readonly User[];
}
