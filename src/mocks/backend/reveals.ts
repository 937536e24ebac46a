import { randomBytes } from 'node:crypto';
import type { FlaggedItem } from '../../api/schemas/item';
import type { RevealEnd } from '../../api/schemas/decision';
import type { User } from '../../api/schemas/user';
import type { MockState } from './backend';

/** A reveal URL works once, for this long. */
export const REVEAL_URL_SECONDS = 30;

export interface Reveal {
  id: string;
  token: string;
  itemId: string;
  userId: string;
  startedAt: number;
  urlExpiresAt: number;
  used: boolean;
  /** When its end was reported (server clock); null while it has not been. */
  endedAt: number | null;
}

const actorOf = (user: User) => ({ id: user.id, name: user.name, role: user.role });

/** A reveal's step on the record, saying whether it shows the whole original (an image does). */
const recordReveal = (
  state: MockState,
  action: 'media.revealed' | 'media.served',
  reveal: Reveal,
  item: FlaggedItem,
  user: User,
  now: Date,
) =>
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action,
    subject: { type: 'item', id: item.id },
    detail: { revealId: reveal.id, wholeFile: item.media.kind === 'image' },
  });

/** Start an audited reveal of a blurred item; its media URL is single-use and short-lived. */
export function startReveal(
  state: MockState,
  item: FlaggedItem,
  user: User,
  now: Date,
): Reveal | null {
  if (item.preview.mode !== 'blurred') return null;
  const reveal: Reveal = {
    id: `rev_${randomBytes(6).toString('hex')}`,
    token: randomBytes(24).toString('base64url'),
    itemId: item.id,
    userId: user.id,
    startedAt: now.getTime(),
    urlExpiresAt: now.getTime() + REVEAL_URL_SECONDS * 1000,
    used: false,
    endedAt: null,
  };
  state.reveals.set(reveal.id, reveal);
  // Issuing the URL shows nothing yet: only its serving (`media.served`, in redeemReveal) makes
  // the report's `fileViewedByEsp` true.
  recordReveal(state, 'media.revealed', reveal, item, user, now);
  return reveal;
}

/**
 * The item whose original a media URL reveals, its URL used up by this request and the serving on
 * the record (`media.served`: the original reached the person); null if spent, expired or not the
 * caller's.
 */
export function redeemReveal(
  state: MockState,
  token: string,
  user: User,
  now: Date,
): FlaggedItem | null {
  for (const reveal of state.reveals.values()) {
    if (reveal.token !== token) continue;
    const item = state.itemsById.get(reveal.itemId);
    if (!item || reveal.used || reveal.userId !== user.id || now.getTime() > reveal.urlExpiresAt)
      return null;
    reveal.used = true;
    recordReveal(state, 'media.served', reveal, item, user, now);
    return item;
  }
  return null;
}

/** Record the end of a reveal (once) with how long the media was visible. */
export function endReveal(
  state: MockState,
  revealId: string,
  itemId: string,
  user: User,
  reason: RevealEnd['reason'],
  now: Date,
): { revealId: string; durationMs: number } | null {
  const reveal = state.reveals.get(revealId);
  if (!reveal || reveal.itemId !== itemId || reveal.userId !== user.id) return null;
  // Ended once: a repeated report answers the duration on record.
  const durationMs = Math.max(0, (reveal.endedAt ?? now.getTime()) - reveal.startedAt);
  if (reveal.endedAt === null) {
    reveal.endedAt = now.getTime();
    state.audit.append({
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'media.reblurred',
      subject: { type: 'item', id: itemId },
      detail: { revealId, durationMs, reason },
    });
  }
  return { revealId, durationMs };
}
