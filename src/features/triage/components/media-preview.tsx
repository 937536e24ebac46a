import type { FlaggedItem } from '../../../api/schemas/item';
import { formatCount } from '../../../lib/format-count';
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

/**
 * The item's preview under DESIGN.md §5: a blurred item shows only the server-blurred derivative
 * (with CSS blur and grayscale on top); a hash-only item, and anything an auditor sees, shows
 * hashes and a fingerprint and requests no media at all.
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
  const { preview, media } = item;
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <h2 id="preview-heading" className="text-sm font-semibold text-slate-700">
        Preview
      </h2>
      <div className="flex flex-wrap items-start gap-4">
        {canSeeMedia && preview.mode === 'blurred' ? (
          // Keyed by item: a reveal belongs to one item and ends when the item changes.
          <RevealControl
            key={item.id}
            itemId={item.id}
            userId={userId}
            blurredUrl={preview.blurredUrl}
          />
        ) : (
          <HashFingerprint sha256={media.sha256} />
        )}
        <div className="min-w-0 flex-1 space-y-2">
          <p className="text-sm text-slate-700">
            {!canSeeMedia
              ? 'Media is never shown to auditors: hashes and metadata only.'
              : preview.mode === 'hash_only'
                ? 'Hash only: no media is loaded for this item.'
                : 'Blurred derivative; revealing the original is deliberate and recorded.'}{' '}
            <span className="text-slate-500">
              {media.kind}, {media.mimeType}, {formatCount(media.byteSize)} bytes
            </span>
          </p>
          <Hashes media={media} />
        </div>
      </div>
    </section>
  );
}
