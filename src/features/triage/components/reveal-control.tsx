import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { Wellness } from '../../../domain/wellness';
import { useNow } from '../../../lib/use-now';
import { useReveal } from '../api/reveal';
import { useRevealCount } from '../model/reveal-count';
import { blurStyles } from '../../../shared/wellness-state/model/wellness-labels';

/**
 * The blurred derivative — with the user's blur strength and grayscale on top — and a deliberate,
 * audited reveal of the original: a confirm step, then at most the user's re-blur seconds of the
 * unblurred image, which is removed (not just hidden) after.
 */
export function RevealControl({
  itemId,
  userId,
  blurredUrl,
  wellness,
}: {
  itemId: string;
  userId: string;
  blurredUrl: string;
  wellness: Wellness;
}) {
  const { state, reveal, end } = useReveal(itemId, userId, wellness);
  const [confirming, setConfirming] = useState(false);
  const count = useRevealCount((s) => (s.userId === userId ? s.count : 0));
  const now = useNow(500);
  const seconds = wellness.reblurSeconds;
  return (
    <div className="space-y-2">
      <div className="size-48 overflow-hidden rounded-md bg-slate-200">
        {state.kind === 'revealed' ? (
          <img
            src={state.grant.url}
            alt="Revealed original (blurs again by itself)"
            referrerPolicy="no-referrer"
            draggable={false}
            // Grayscale stays on when the blur comes off (docs/safety-rules.md).
            className={`size-full object-cover [image-rendering:pixelated] ${wellness.grayscale ? 'grayscale' : ''}`}
          />
        ) : (
          <img
            src={blurredUrl}
            alt="Server-blurred preview (not the original)"
            referrerPolicy="no-referrer"
            draggable={false}
            className={`size-full scale-110 object-cover ${blurStyles[wellness.blurStrength].className} ${wellness.grayscale ? 'grayscale' : ''}`}
          />
        )}
      </div>
      {state.kind === 'revealed' ? (
        <p className="flex items-center gap-2 text-xs text-slate-700" aria-live="polite">
          Blurs again in {Math.max(0, Math.ceil((state.endsAt - now.getTime()) / 1000))} s
          <Button onClick={end}>Blur now</Button>
        </p>
      ) : confirming ? (
        <div role="group" aria-label="Confirm reveal" className="space-y-1 text-xs">
          <p>Reveal the original for up to {seconds} s? It is recorded.</p>
          <Button
            variant="primary"
            onClick={() => {
              setConfirming(false);
              void reveal();
            }}
          >
            Reveal for {seconds} s
          </Button>{' '}
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
        </div>
      ) : (
        <Button disabled={state.kind === 'revealing'} onClick={() => setConfirming(true)}>
          Reveal…
        </Button>
      )}
      {state.kind === 'blurred' && state.error && (
        <p role="alert" className="text-xs text-red-900">
          Could not reveal: {state.error.message}
        </p>
      )}
      <p className="text-xs text-slate-600">Reveals this sign-in: {count}</p>
    </div>
  );
}
