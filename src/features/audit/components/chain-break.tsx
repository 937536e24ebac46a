import { Link } from '@tanstack/react-router';
import type { ChainBreak } from '../../../domain/audit-verification';
import { formatCount } from '../../../lib/format-count';

const linkWords = (holds: boolean | null) =>
  holds === null ? 'not checked here' : holds ? 'holds' : 'does not hold';

function Hash({ value }: { value: string | null }) {
  return <code className="font-mono break-all">{value ?? '—'}</code>;
}

/**
 * Where the chain broke and what differs there: the first event that does not hold (with a link
 * to it in the log), the hash its content gives against the one it stores, or the link it stores
 * against the hash of the event before it; which events held and which are not trusted.
 */
export function ChainBreakReport({
  failure,
  checkedFrom,
  checkedTo,
}: {
  failure: ChainBreak;
  /** The range verified. */
  checkedFrom: number;
  checkedTo: number;
}) {
  const { seq } = failure;
  const held =
    seq > checkedFrom ? `Events ${formatCount(checkedFrom)}–${formatCount(seq - 1)} hold. ` : '';
  const after = checkedTo - seq;
  return (
    <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
      <p role="alert" className="font-semibold">
        Verification failed at event {formatCount(seq)}: {failure.message}
      </p>
      <p>
        {held}
        {after > 0
          ? `The ${formatCount(after)} events after it were not checked: nothing from event ${formatCount(seq)} on can be trusted until the break is explained.`
          : `Nothing from event ${formatCount(seq)} on can be trusted until the break is explained.`}
      </p>
      {failure.reason === 'hash' && (
        <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-3 gap-y-1 text-xs">
          <dt>Hash of its content now (SHA-256 of its canonical JSON)</dt>
          <dd>
            <Hash value={failure.expected} />
          </dd>
          <dt>Hash it stores</dt>
          <dd>
            <Hash value={failure.stored} />
          </dd>
          <dt>
            Its link to event {formatCount(seq - 1)} ({linkWords(failure.linkHolds)})
          </dt>
          <dd>
            <Hash value={failure.prevHash} />
          </dd>
        </dl>
      )}
      {failure.reason === 'link' && (
        <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-3 gap-y-1 text-xs">
          <dt>Hash of event {formatCount(seq - 1)}</dt>
          <dd>
            <Hash value={failure.expected} />
          </dd>
          <dt>Link it stores instead</dt>
          <dd>
            <Hash value={failure.stored} />
          </dd>
        </dl>
      )}
      <Link to="/audit" search={{ event: seq }} className="text-sky-800 underline">
        Show event {formatCount(seq)} in the log
      </Link>
    </div>
  );
}
