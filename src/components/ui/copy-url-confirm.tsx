import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { apiRequest } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { sessionQueryOptions } from '../../api/endpoints/session.queries';
import { mayCopyLive, type UrlCopyForm, type UrlCopyRequest } from '../../api/schemas/url-copy';
import { wholeDefanged } from '../../lib/defang';
import { Button } from './button';

type CopyState =
  | { kind: 'choosing' }
  | { kind: 'copying' }
  | { kind: 'copied'; form: UrlCopyForm }
  | { kind: 'failed'; message: string };

/** What goes on the clipboard: the whole defanged form (never shortened), or the live URL. */
const clipboardText = (url: string, form: UrlCopyForm) =>
  form === 'live' ? url : wholeDefanged(url);

/** Records the copy, then (only once recorded) puts the URL on the clipboard. */
async function recordAndCopy(request: UrlCopyRequest): Promise<CopyState> {
  try {
    await apiRequest(endpoints.recordUrlCopy, { body: request });
  } catch (error) {
    const why = isApiError(error) ? error.message : 'the copy could not be recorded';
    return { kind: 'failed', message: `Not copied: ${why}` };
  }
  try {
    await navigator.clipboard.writeText(clipboardText(request.url, request.form));
    return { kind: 'copied', form: request.form };
  } catch {
    return { kind: 'failed', message: 'Not copied: the browser refused the clipboard.' };
  }
}

/** The confirm step of copying an untrusted URL. */
export function CopyUrlConfirm({
  url,
  subject,
  onClose,
}: {
  url: string;
  subject: UrlCopyRequest['subject'];
  onClose: () => void;
}) {
  const session = useQuery(sessionQueryOptions());
  const role = session.data?.user?.role;
  const [state, setState] = useState<CopyState>({ kind: 'choosing' });
  const [wantLive, setWantLive] = useState(false);
  const liveId = useId();
  const copy = (form: UrlCopyForm) => {
    setState({ kind: 'copying' });
    void recordAndCopy({ subject, url, form }).then(setState);
  };
  const busy = state.kind === 'copying';
  return (
    <span
      role="group"
      aria-label="Copy an untrusted URL"
      className="block max-w-prose space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-slate-900"
    >
      <span className="block">
        This URL comes from a third party and is untrusted: opening it may load abuse material or
        malware. The defanged form (<code>hxxps</code>, <code>[.]</code>) cannot be opened by
        accident. The copy is recorded in the audit log.
      </span>
      <span className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={busy} onClick={() => copy('defanged')}>
          Copy defanged URL
        </Button>
        <Button onClick={onClose}>{state.kind === 'copied' ? 'Close' : 'Cancel'}</Button>
      </span>
      {role && mayCopyLive(role) && (
        <span className="flex flex-wrap items-center gap-2">
          <input
            id={liveId}
            type="checkbox"
            checked={wantLive}
            onChange={(event) => setWantLive(event.target.checked)}
          />
          <label htmlFor={liveId}>I need the live URL, to open it in an isolated environment</label>
          <Button disabled={!wantLive || busy} onClick={() => copy('live')}>
            Copy live URL
          </Button>
        </span>
      )}
      <span role="status" className="block">
        {state.kind === 'copied' &&
          (state.form === 'live'
            ? 'Copied the live URL: open it only in an isolated environment.'
            : 'Copied the defanged URL.')}
      </span>
      {state.kind === 'failed' && (
        <span role="alert" className="block text-red-900">
          {state.message}
        </span>
      )}
    </span>
  );
}
