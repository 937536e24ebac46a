import { useState } from 'react';
import type { UrlCopyRequest } from '../../api/schemas/url-copy';
import { defangUrl } from '../../lib/defang';
import { CopyUrlConfirm } from './copy-url-confirm';

/**
 * A third-party URL: defanged text, never a link, never fetched. Copying it is deliberate: a
 * confirm step says it is untrusted, copies the defanged form unless the person asks for the live
 * one, and records the copy before the clipboard holds it.
 */
export function DefangedUrl({
  url,
  subject,
}: {
  url: string;
  /** The item or report that holds the URL: the copy is on its record. */
  subject: UrlCopyRequest['subject'];
}) {
  const shown = defangUrl(url);
  const [confirming, setConfirming] = useState(false);
  return (
    <span className="inline-flex max-w-full flex-col gap-1">
      <span className="inline-flex max-w-full items-start gap-2">
        <code className="text-xs break-all text-slate-800">{shown.text}</code>
        {shown.idn && (
          <span className="rounded bg-amber-100 px-1 text-xs text-amber-900">IDN look-alike?</span>
        )}
        <button
          type="button"
          onClick={() => setConfirming(true)}
          aria-expanded={confirming}
          className="shrink-0 rounded border border-slate-300 px-1.5 text-xs text-slate-700 hover:bg-slate-100"
          aria-label={`Copy URL ${shown.text}…`}
        >
          Copy…
        </button>
      </span>
      {confirming && (
        <CopyUrlConfirm url={url} subject={subject} onClose={() => setConfirming(false)} />
      )}
    </span>
  );
}
