import type { FlaggedItem } from '../../api/schemas/item';
import { DISMISSAL_SECOND_REVIEW_SHARE } from '../../domain/review-rules';
import { sha256Hex } from '../../lib/sha256-hex';

/**
 * Whether this first-review dismissal of the item goes to a blind second review for quality
 * control: drawn from a keyed hash of the item and its version, so it is the same for a resend and
 * on every instance, and cannot be predicted without the server's secret.
 */
export function sampledForSecondReview(
  secret: string,
  item: Pick<FlaggedItem, 'id' | 'version'>,
): boolean {
  const draw = Number.parseInt(sha256Hex(`${secret}\n${item.id}\n${item.version}`).slice(0, 8), 16);
  return draw / 2 ** 32 < DISMISSAL_SECOND_REVIEW_SHARE;
}
