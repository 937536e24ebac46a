import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { formatCount } from '../../../lib/format-count';
import { useWellness } from '../../../shared/wellness-state/api/wellness';
import { useIdleLock } from '../../../shared/wellness-state/model/idle-lock';
import { HashFingerprint } from './hash-fingerprint';
import { RevealControl } from './reveal-control';

function Hashes({ media }: { media: FlaggedItem['media'] }) {
  const rows: [string, string | null][] = [
    ['SHA-256', media.sha256],
    ['MD5', media.md5],
    ['PDQ', media.pdq],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="font-mono break-all">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The picture (or what stands for it) beside the notes, the media's metadata and its hashes. */
function PreviewLayout({
  media,
  picture,
  notes,
}: {
  media: FlaggedItem['media'];
  picture: ReactNode;
  notes: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start gap-4">
      {picture}
      <div className="min-w-0 flex-1 space-y-2">
        <div className="space-y-1 text-sm text-slate-700">{notes}</div>
        <p className="text-sm text-slate-500">
          {media.kind}, {media.mimeType}, {formatCount(media.byteSize)} bytes
        </p>
        <Hashes media={media} />
      </div>
    </div>
  );
}

const pictureBox = 'flex size-48 items-center rounded-md p-3 text-center text-sm';

/**
 * What an analyst or supervisor sees, under their wellness settings: nothing that could load
 * media until the organisation's defaults are known (they may have safe mode on) or when they
 * cannot be read; with safe mode on, hashes and metadata only; after the idle time, a lock screen.
 */
function ReviewerPreview({ item, userId }: { item: FlaggedItem; userId: string }) {
  const { wellness, organisation } = useWellness(userId);
  const lockedAfter = useIdleLock((s) => s.lockedAfterMinutes);
  const { preview, media } = item;
  const fingerprint = <HashFingerprint sha256={media.sha256} />;
  const modeNote =
    preview.mode === 'hash_only' ? (
      <p>Hash only: no media is loaded for this item.</p>
    ) : (
      <p>Blurred derivative; revealing the original is deliberate and recorded.</p>
    );

  if (lockedAfter !== null) {
    const picture = (
      <div role="status" className={`${pictureBox} bg-slate-800 text-white`}>
        Previews hidden after {lockedAfter} minute{lockedAfter === 1 ? '' : 's'} idle — press a key
        or click to return
      </div>
    );
    return <PreviewLayout media={media} picture={picture} notes={modeNote} />;
  }
  if (!wellness && organisation.isError) {
    const notes = (
      <div role="alert" className="space-y-1 text-red-900">
        <p>
          Previews are off: the organisation’s wellness settings could not be loaded (
          {organisation.error.message}).
        </p>
        <Button onClick={() => void organisation.refetch()}>Retry</Button>
      </div>
    );
    return <PreviewLayout media={media} picture={fingerprint} notes={notes} />;
  }
  if (!wellness) {
    const picture =
      preview.mode === 'hash_only' ? (
        fingerprint
      ) : (
        <p role="status" className={`${pictureBox} bg-slate-100 text-slate-600`}>
          Loading your wellness settings…
        </p>
      );
    return <PreviewLayout media={media} picture={picture} notes={modeNote} />;
  }
  if (wellness.safeMode) {
    const notes = (
      <>
        {preview.mode === 'hash_only' && modeNote}
        <p>
          Safe mode is on: no previews are shown, only hashes and metadata.{' '}
          <Link to="/settings" className="underline">
            Wellness settings
          </Link>
        </p>
      </>
    );
    return <PreviewLayout media={media} picture={fingerprint} notes={notes} />;
  }
  const picture =
    preview.mode === 'blurred' ? (
      // Keyed by item: a reveal belongs to one item and ends when the item changes.
      <RevealControl
        key={item.id}
        itemId={item.id}
        userId={userId}
        blurredUrl={preview.blurredUrl}
        wellness={wellness}
      />
    ) : (
      fingerprint
    );
  return <PreviewLayout media={media} picture={picture} notes={modeNote} />;
}

/**
 * The item's preview under the safety rules (docs/safety-rules.md): a blurred item shows only the
 * server-blurred derivative (with CSS blur and grayscale on top); a hash-only item, anything an
 * auditor sees, and everything in safe mode shows hashes and a fingerprint and requests no media
 * at all.
 */
export function MediaPreview({
  item,
  canSeeMedia,
  userId,
}: {
  item: FlaggedItem;
  canSeeMedia: boolean;
  userId: string;
}) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <h2 id="preview-heading" className="text-sm font-semibold text-slate-700">
        Preview
      </h2>
      {canSeeMedia ? (
        <ReviewerPreview item={item} userId={userId} />
      ) : (
        <PreviewLayout
          media={item.media}
          picture={<HashFingerprint sha256={item.media.sha256} />}
          notes={<p>Media is never shown to auditors: hashes and metadata only.</p>}
        />
      )}
    </section>
  );
}
