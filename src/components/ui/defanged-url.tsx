import { useState } from 'react';
import { defangUrl } from '../../lib/defang';

/**
 * A third-party URL: defanged text, never a link, never fetched. The copy button copies the real
 * value for an analyst who must open it in an isolated environment.
 */
export function DefangedUrl({ url }: { url: string }) {
  const shown = defangUrl(url);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  return (
    <span className="inline-flex max-w-full items-start gap-2">
      <code className="text-xs break-all text-slate-800">{shown.text}</code>
      {shown.idn && (
        <span className="rounded bg-amber-100 px-1 text-xs text-amber-900">IDN look-alike?</span>
      )}
      <button
        type="button"
        onClick={() => void copy()}
        className="shrink-0 rounded border border-slate-300 px-1.5 text-xs text-slate-700 hover:bg-slate-100"
        aria-label={`Copy URL ${shown.text}`}
      >
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
    </span>
  );
}
