import { z } from '../../../lib/zod';
import type { SessionEnded } from '../../../api/schemas/session';

/**
 * Why the console sent someone to sign-in (the sign-in page's `reason`): they signed out here,
 * here and everywhere, or the session ended under them (`expired`: any 401, or a session read
 * that found nobody).
 */
export const SignInReason = z.enum(['expired', 'signed_out', 'signed_out_everywhere']);
export type SignInReason = z.infer<typeof SignInReason>;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

const endedMessage = (ended: SessionEnded) => {
  switch (ended.reason) {
    case 'idle_timeout':
      return `Your session expired after ${plural(ended.idleMinutes, 'minute')} idle — sign in again.`;
    case 'expired':
      return `Your session reached its ${ended.maxHours}-hour limit — sign in again.`;
    case 'signed_out_everywhere':
      return 'You signed out everywhere from another browser — sign in again.';
  }
};

/**
 * What the sign-in page says, most specific first: what the person did here; else why the server
 * ended their session (`ended`, from the session read, which outlives the 401 that found it);
 * else that it ended; else nothing.
 */
export function signInMessage(
  reason: SignInReason | undefined,
  ended: SessionEnded | undefined,
): string | null {
  if (reason === 'signed_out') return 'You have signed out.';
  if (reason === 'signed_out_everywhere') return 'You have signed out in every browser.';
  if (ended) return endedMessage(ended);
  if (reason === 'expired') return 'Your session has ended. Sign in again to continue.';
  return null;
}
