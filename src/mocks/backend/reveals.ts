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
  state.audit.append({
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'media.revealed',
    subject: { type: 'item', id: item.id },
    // The reveal shows the whole original image: evidence for the report's `fileViewedByEsp`.
    detail: { revealId: reveal.id, wholeFile: item.media.kind === 'image' },
  });
  return reveal;
}

/** The reveal a media URL belongs to, used up by this request; null if spent, expired or not the caller's. */
export function redeemReveal(
  state: MockState,
  token: string,
  user: User,
  now: Date,
): Reveal | null {
  for (const reveal of state.reveals.values()) {
    if (reveal.token !== token) continue;
    if (reveal.used || reveal.userId !== user.id || now.getTime() > reveal.urlExpiresAt)
      return null;
    reveal.used = true;
    return reveal;
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
